package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// A request with a timeout: the result may arrive first, or the deadline; the worker's send
// has room, so nothing is left blocked either way.
func fetch(ctx context.Context) (string, error) {
	result := make(chan string, 1)
	go func() { result <- "data" }()
	select {
	case r := <-result:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r, err := fetch(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		fmt.Println("timed out")
		return
	}
	fmt.Println(r)
}
