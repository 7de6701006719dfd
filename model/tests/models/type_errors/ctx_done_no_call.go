package main

import "context"

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	select {
	case <-ctx.Done:
	}
}
// go build: 9:9: invalid operation: cannot receive from non-channel ctx.Done (value of type func() <-chan struct{})
