// Corpus: two owners of a connection each call Close through an io.Closer-like interface; the
// second close of the done channel panics (the shape of "close of closed channel" reports).
// gomc:expect panic
package main

import "sync"

type Closer interface{ Close() error }

type conn struct{ done chan struct{} }

func (c *conn) Close() error {
	close(c.done)
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
}
