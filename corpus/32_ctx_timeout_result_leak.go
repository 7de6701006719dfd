// Corpus: a call with a context deadline returns ctx.Err() when the deadline wins, leaving the
// worker blocked sending its result on an unbuffered channel.
// gomc:expect leak
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func query(ctx context.Context) (int, error) {
	rows := make(chan int)
	go func() { rows <- 42 }()
	select {
	case n := <-rows:
		return n, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	n, err := query(ctx)
	fmt.Println(n, errors.Is(err, context.DeadlineExceeded))
}
