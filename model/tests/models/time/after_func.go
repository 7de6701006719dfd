package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	fired := make(chan string, 2)
	time.AfterFunc(time.Millisecond, func() {
		fired <- "first"
		wg.Done()
	})
	cancelled := time.AfterFunc(time.Hour, func() { fired <- "never" })
	fmt.Println("stopped:", cancelled.Stop())
	wg.Wait()
	fmt.Println(<-fired, len(fired))
	again := time.AfterFunc(time.Millisecond, func() { fired <- "again" })
	_ = again
	time.Sleep(10 * time.Millisecond)
}
