// Corpus: the fix of 20 with errgroup.WithContext: the producer selects on the group's
// context, so the consumer's error releases it and Wait returns the error.
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	items := make(chan int)
	g.Go(func() error {
		defer close(items)
		for i := 0; i < 3; i++ {
			select {
			case items <- i:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
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
	fmt.Println(g.Wait())
}
