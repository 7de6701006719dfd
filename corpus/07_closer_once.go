// Corpus: the fix of 06: Close is idempotent through a sync.Once, called with a method value.
// gomc:expect none
package main

import "sync"

type Closer interface{ Close() error }

type conn struct {
	once sync.Once
	done chan struct{}
}

func (c *conn) shutdown() { close(c.done) }

func (c *conn) Close() error {
	c.once.Do(c.shutdown)
	return nil
}

func main() {
	c := &conn{done: make(chan struct{})}
	var wg sync.WaitGroup
	for _, owner := range []Closer{c, c} {
		wg.Add(1)
		go func(cl Closer) {
			defer wg.Done()
			_ = cl.Close()
		}(owner)
	}
	wg.Wait()
	<-c.done
}
