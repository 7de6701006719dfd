// Corpus: 19's group with a producer feeding a consumer over an unbuffered channel; the
// consumer fails and returns, the producer blocks forever on its next send, and Wait never
// returns.
// gomc:expect deadlock
package main

import (
	"errors"
	"sync"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() { g.err = err })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	return g.err
}

func main() {
	var g Group
	items := make(chan int)
	g.Go(func() error {
		for i := 0; i < 3; i++ {
			items <- i
		}
		close(items)
		return nil
	})
	g.Go(func() error {
		for v := range items {
			if v == 1 {
				return errors.New("bad item")
			}
		}
		return nil
	})
	_ = g.Wait()
}
