// Corpus: a config watcher starts a goroutine that reloads on every tick until its context is
// done. The caller passes context.Background() and stops the ticker on return, so the
// goroutine waits for a tick or a cancel that never comes: a leak (the shape of many
// "goroutine leak in watch loop" reports).
// gomc:expect leak
package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"
)

type Watcher struct {
	loaded atomic.Bool
	ticker *time.Ticker
}

func (w *Watcher) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.ticker.C:
			if w.loaded.CompareAndSwap(false, true) {
				fmt.Println("config loaded")
			}
		}
	}
}

func (w *Watcher) Start(ctx context.Context) {
	go w.loop(ctx)
}

func main() {
	w := &Watcher{ticker: time.NewTicker(10 * time.Millisecond)}
	defer w.ticker.Stop()
	w.Start(context.Background())
	time.Sleep(25 * time.Millisecond)
	fmt.Println("loaded:", w.loaded.Load())
}
