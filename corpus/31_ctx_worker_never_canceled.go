// Corpus: a background worker stops when its context is done, but the caller drops the cancel
// function, so the worker is still waiting when the caller returns (the lostcancel leak
// go vet warns about).
// gomc:expect leak
package main

import (
	"context"
	"fmt"
)

type Job interface{ Run(ctx context.Context) }

type poller struct{ events chan string }

func (p poller) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case e := <-p.events:
			fmt.Println("event", e)
		}
	}
}

func start(j Job) {
	ctx, _ := context.WithCancel(context.Background())
	go j.Run(ctx)
}

func main() {
	p := poller{events: make(chan string)}
	start(p)
	p.events <- "ready"
}
