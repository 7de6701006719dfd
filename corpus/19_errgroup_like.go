// Corpus: a hand-written errgroup: Go starts a function, Wait returns the first error; the
// first error is recorded once. No violation.
// gomc:expect none
package main

import (
	"errors"
	"fmt"
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
	g.Go(func() error { return nil })
	g.Go(func() error { return errors.New("disk full") })
	g.Go(func() error { return errors.New("timeout") })
	err := g.Wait()
	fmt.Println(err != nil)
}
