package main

import (
	"context"
	"fmt"
)

// context.AfterFunc (Go 1.21): the function runs once the context is canceled; a stopped one
// never runs. Expected values from context.go at Go 1.23: stop reports true only if it
// stopped the call.
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string, 2)
	context.AfterFunc(ctx, func() { ran <- "cleanup" })
	stop := context.AfterFunc(ctx, func() { ran <- "never" })
	fmt.Println("stopped:", stop())
	cancel()
	fmt.Println(<-ran, stop())
}
