package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// Three fetches in a group: one fails, which cancels the group's context; the others watch
// the context and stop. Wait returns the first error.
func main() {
	g, ctx := errgroup.WithContext(context.Background())
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		i := i
		g.Go(func() error {
			if i == 1 {
				return errors.New("fetch 1 failed")
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case results <- i:
				return nil
			}
		})
	}
	err := g.Wait()
	fmt.Println(err, ctx.Err())
}
