// Corpus: a pub/sub broker delivers to subscribers while holding its lock; a subscriber that
// unsubscribes before reading needs that lock, and the broker waits for it to read: a cycle
// (the shape of many event-bus deadlocks).
// gomc:expect deadlock
package main

import "sync"

type Subscriber interface {
	Inbox() chan string
}

type sub struct{ ch chan string }

func (s *sub) Inbox() chan string { return s.ch }

type Broker struct {
	mu   sync.Mutex
	subs map[int]Subscriber
}

func (b *Broker) Publish(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.subs {
		s.Inbox() <- msg
	}
}

func (b *Broker) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, id)
}

func main() {
	s := &sub{ch: make(chan string)}
	b := &Broker{subs: map[int]Subscriber{1: s}}
	done := make(chan bool)
	go func() {
		b.Unsubscribe(1)
		<-s.Inbox()
		done <- true
	}()
	b.Publish("hello")
	<-done
}
