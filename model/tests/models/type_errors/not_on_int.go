package main

import "sync"

func main() {
	var mu sync.Mutex
	pending := 0
	done := make(chan struct{})
	go func() {
		mu.Lock()
		pending++
		mu.Unlock()
		close(done)
	}()
	<-done
	mu.Lock()
	if !pending {
		println("idle")
	}
	mu.Unlock()
}
// go build: 17:6: invalid operation: operator ! not defined on pending (variable of type int)
