// Corpus: fetch thumbnails with at most two in flight (errgroup.SetLimit). Each goroutine
// sends its result on an unbuffered channel that main only reads after g.Wait returns. The
// two running goroutines block on the send, so the third g.Go blocks waiting for a free
// slot, and main never reaches Wait (go run: all goroutines are asleep).
// gomc:expect deadlock
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func thumbnail(name string) (string, error) {
	return name + ".thumb", nil
}

func main() {
	names := []string{"a.png", "b.png", "c.png"}
	results := make(chan string)
	var g errgroup.Group
	g.SetLimit(2)
	for _, name := range names {
		name := name
		g.Go(func() error {
			t, err := thumbnail(name)
			if err != nil {
				return err
			}
			results <- t
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("error:", err)
	}
	close(results)
	for t := range results {
		fmt.Println(t)
	}
}
