// A server shuts down on SIGINT or SIGTERM through signal.NotifyContext: the workers stop when
// the context is done and main waits for them. Every point at which the one signal can arrive
// is explored; each run prints the signal's effect the same way.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup, jobs <-chan int) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			_ = j * id
		}
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go worker(ctx, i, &wg, jobs)
	}
	<-ctx.Done()
	wg.Wait()
	fmt.Println("shut down:", ctx.Err(), syscall.SIGTERM, os.Interrupt)
}
