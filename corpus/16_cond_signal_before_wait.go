// Corpus: a readiness flag signalled with sync.Cond, but the waiter checks the flag with `if`
// after the signal may already have happened without the flag being set under the lock: the
// signal is lost and the waiter sleeps forever.
// gomc:expect deadlock
package main

import "sync"

type gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func main() {
	g := &gate{}
	g.cond = sync.NewCond(&g.mu)
	go func() {
		g.cond.Signal() // forgets to set open under the lock
	}()
	g.mu.Lock()
	if !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}
