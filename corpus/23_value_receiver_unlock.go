// Corpus: Unlock is declared on a value receiver, so it unlocks a copy of the mutex; the
// original stays locked and the second Lock never returns (go vet reports the copy).
// gomc:expect deadlock
package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) lock()  { c.mu.Lock() }
func (c Counter) unlock() { c.mu.Unlock() }

func (c *Counter) Inc() {
	c.lock()
	c.n++
	c.unlock()
}

func main() {
	var c Counter
	c.Inc()
	c.Inc()
}
