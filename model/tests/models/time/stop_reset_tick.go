package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Second)
	stopped := t.Stop()
	fmt.Println("stopped", stopped)
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("fired", t.Stop())
	tk := time.NewTicker(time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	done := make(chan bool)
	go func() {
		for range time.Tick(time.Millisecond) {
			done <- true
			return
		}
	}()
	<-done
}
