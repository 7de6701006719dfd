package main

import (
	"context"
	"fmt"
)

// A watcher waits for its context; the caller keeps the cancel function but never calls it,
// so the watcher is still blocked when main returns (go vet's lostcancel case).
func watch(ctx context.Context, events <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-events:
			fmt.Println("event", e)
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel
	events := make(chan string)
	go watch(ctx, events)
	events <- "a"
}
