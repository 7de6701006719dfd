package main

import (
	"errors"

	"golang.org/x/sync/errgroup"
)

// A producer and a consumer in a group; the consumer fails and returns, the producer ignores
// the group's context and blocks on its next send, so Wait never returns.
func main() {
	var g errgroup.Group
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
