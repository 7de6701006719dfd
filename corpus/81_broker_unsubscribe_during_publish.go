// Corpus: a pub/sub broker whose Publish holds the read lock while it sends on each
// subscriber's unbuffered channel; a subscriber unsubscribes from inside its receive loop,
// which takes the write lock. When Publish of the third event already holds the read lock,
// the unsubscribe waits for it and Publish waits for a reader that never comes: go run
// reports "all goroutines are asleep" in some runs and prints "done" in others.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type Event struct {
	Topic string
	Data  any
}

type subscriber struct {
	id int
	ch chan Event
}

type Broker struct {
	mu     sync.RWMutex
	subs   map[string][]*subscriber
	nextID int
}

func NewBroker() *Broker { return &Broker{subs: map[string][]*subscriber{}} }

func (b *Broker) Subscribe(topic string) (<-chan Event, func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	s := &subscriber{id: b.nextID, ch: make(chan Event)}
	b.subs[topic] = append(b.subs[topic], s)
	unsubscribe := func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		list := b.subs[topic]
		for i, other := range list {
			if other.id == s.id {
				b.subs[topic] = append(list[:i], list[i+1:]...)
				close(s.ch)
				return
			}
		}
	}
	return s.ch, unsubscribe
}

func (b *Broker) Publish(e Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, s := range b.subs[e.Topic] {
		s.ch <- e // blocks until the subscriber reads
	}
}

func main() {
	b := NewBroker()
	events, unsubscribe := b.Subscribe("orders")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := range events {
			fmt.Printf("got %v\n", e)
			if e.Data == 2 {
				unsubscribe() // stop after the second order
			}
		}
	}()
	for i := 1; i <= 3; i++ {
		b.Publish(Event{Topic: "orders", Data: i})
	}
	<-done
	fmt.Println("done")
}
