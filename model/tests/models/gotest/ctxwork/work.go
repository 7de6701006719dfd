package ctxwork

import (
	"context"
	"errors"
	"time"
)

var ErrSlow = errors.New("worker too slow")

// Fetch asks a worker for a value and gives up when ctx is done.
func Fetch(ctx context.Context, delay time.Duration) (int, error) {
	out := make(chan int)
	go func() {
		time.Sleep(delay)
		out <- 42
	}()
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// FetchBuffered is Fetch with the leak fixed.
func FetchBuffered(ctx context.Context, delay time.Duration) (int, error) {
	out := make(chan int, 1)
	go func() {
		time.Sleep(delay)
		out <- 42
	}()
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return 0, errors.Join(ErrSlow, ctx.Err())
	}
}
