// Corpus: a pub/sub hub keeps a map of subscriber channels. Publish holds the read lock while
// it sends to each subscriber; a subscriber that decides to unsubscribe while a message is on
// its way needs the write lock, which waits for Publish, which waits for the subscriber to
// receive: a deadlock (the shape of several event-bus hang reports).
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type Event struct {
	Topic string
	Seq   int
}

type Hub struct {
	mu   sync.RWMutex
	subs map[int]chan Event
	next int
}

func NewHub() *Hub {
	return &Hub{subs: make(map[int]chan Event)}
}

func (h *Hub) Subscribe() (int, <-chan Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id := h.next
	h.next++
	ch := make(chan Event)
	h.subs[id] = ch
	return id, ch
}

func (h *Hub) Unsubscribe(id int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if ch, ok := h.subs[id]; ok {
		delete(h.subs, id)
		close(ch)
	}
}

func (h *Hub) Publish(e Event) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, ch := range h.subs {
		ch <- e
	}
}

func main() {
	hub := NewHub()
	id, events := hub.Subscribe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range events {
			fmt.Printf("got %s #%d\n", e.Topic, e.Seq)
			if e.Seq == 1 {
				hub.Unsubscribe(id)
			}
		}
	}()
	for seq := 1; seq <= 2; seq++ {
		hub.Publish(Event{Topic: "orders", Seq: seq})
	}
	<-done
}
