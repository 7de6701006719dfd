// A stop protocol that deadlocks while a ticker runs: main holds the lock while it waits for
// the loop to end, and the loop, woken by a tick, waits for the lock. No goroutine waits on
// the ticker's channel any more. Go 1.23's runtime (asynctimerchan=0) keeps such a timer out
// of its heap and reports "all goroutines are asleep - deadlock!"; Go 1.22 (or 1.23 with
// GODEBUG=asynctimerchan=1) keeps it and the program hangs forever.
package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	ticker := time.NewTicker(time.Millisecond)
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
				mu.Lock()
				mu.Unlock()
			}
		}
	}()
	time.Sleep(5 * time.Millisecond)
	mu.Lock()
	close(stop)
	<-done
	mu.Unlock()
	ticker.Stop()
}
