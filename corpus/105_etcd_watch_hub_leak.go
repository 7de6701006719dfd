// Corpus: an etcd-style watch hub keeps watchers in a map of slices keyed by prefix; notify
// sends every event on the watcher's unbuffered channel under the read lock, ignoring the
// watcher's context. Once the reader leaves its loop (a labeled break on ctx.Done), the
// notifier blocks on the send for ever: a leak after main returns (go run exits 0).
// gomc:expect leak
package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

type Event struct {
	Key   string
	Value string
	Rev   int64
}

type watcher struct {
	id  int
	ch  chan Event
	ctx context.Context
}

type hub struct {
	mu       sync.RWMutex
	watchers map[string][]*watcher
	nextID   int
}

func (h *hub) Watch(ctx context.Context, prefix string) <-chan Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.nextID++
	w := &watcher{id: h.nextID, ch: make(chan Event), ctx: ctx}
	h.watchers[prefix] = append(h.watchers[prefix], w)
	return w.ch
}

func (h *hub) notify(ev Event) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for prefix, ws := range h.watchers {
		if !strings.HasPrefix(ev.Key, prefix) {
			continue
		}
		for _, w := range ws {
			w.ch <- ev // BUG: ignores w.ctx.Done()
		}
	}
}

func main() {
	h := &hub{watchers: make(map[string][]*watcher)}
	ctx, cancel := context.WithCancel(context.Background())
	events := h.Watch(ctx, "/registry/pods/")

	done := make(chan struct{})
	go func() {
		defer close(done)
	loop:
		for {
			select {
			case ev := <-events:
				fmt.Printf("rev=%d %s=%s\n", ev.Rev, ev.Key, ev.Value)
			case <-ctx.Done():
				break loop
			}
		}
	}()

	go func() {
		for rev := int64(1); rev <= 2; rev++ {
			h.notify(Event{Key: "/registry/pods/web", Value: "v" + fmt.Sprint(rev), Rev: rev})
		}
	}()
	cancel()
	<-done
}
