// Corpus: a generic event bus embedding sync.RWMutex: Publish sends to every subscriber under
// the read lock, and the subscriber unsubscribes itself (taking the write lock) when it sees
// the stop event, after Publish has returned. No violation: go run prints "got start".
// gomc:expect none
package main

import (
	"fmt"
	"sync"
	"time"
)

type Event struct {
	Kind string
	At   time.Duration
}

type Bus[T any] struct {
	sync.RWMutex
	subs map[int]chan T
	next int
}

func NewBus[T any]() *Bus[T] { return &Bus[T]{subs: map[int]chan T{}} }

func (b *Bus[T]) Subscribe(buf int) (int, <-chan T) {
	b.Lock()
	defer b.Unlock()
	id := b.next
	b.next++
	ch := make(chan T, buf)
	b.subs[id] = ch
	return id, ch
}

func (b *Bus[T]) Unsubscribe(id int) {
	b.Lock()
	defer b.Unlock()
	if ch, ok := b.subs[id]; ok {
		close(ch)
		delete(b.subs, id)
	}
}

func (b *Bus[T]) Publish(v T) {
	b.RLock()
	defer b.RUnlock()
	for _, ch := range b.subs {
		ch <- v
	}
}

func main() {
	bus := NewBus[Event]()
	id, ch := bus.Subscribe(0)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev := range ch {
			if ev.Kind == "stop" {
				bus.Unsubscribe(id)
				return
			}
			fmt.Println("got", ev.Kind)
		}
	}()
	bus.Publish(Event{Kind: "start"})
	bus.Publish(Event{Kind: "stop", At: time.Second})
	<-done
}
