// Assigning a sync.Cond's L: the Cond made over a Mutex then waits on an RWMutex's write
// lock. Expected output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	c := sync.NewCond(&sync.Mutex{})
	c.L = &rw
	ready := false
	go func() {
		c.L.Lock()
		ready = true
		c.L.Unlock()
		c.Broadcast()
	}()
	c.L.Lock()
	for !ready {
		c.Wait()
	}
	c.L.Unlock()
	fmt.Println("ready")
}
