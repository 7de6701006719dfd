// RWMutex.RLocker: a Locker over the read side, alone and as a Cond's L. Expected output:
// `go run` (Go 1.19).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var l sync.Locker = rw.RLocker()
	l.Lock()
	ok := rw.TryRLock()
	fmt.Println("second reader:", ok)
	rw.RUnlock()
	fmt.Println("writer while read-locked:", rw.TryLock())
	l.Unlock()
	fmt.Println("writer after:", rw.TryLock())
	rw.Unlock()

	// A Cond over the read side: readers wait for a flag a writer sets.
	c := sync.NewCond(rw.RLocker())
	ready := false
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.L.Lock()
		for !ready {
			c.Wait()
		}
		c.L.Unlock()
	}()
	rw.Lock()
	ready = true
	rw.Unlock()
	c.Broadcast()
	wg.Wait()
	fmt.Println("done")
}
