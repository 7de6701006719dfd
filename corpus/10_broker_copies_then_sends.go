// Corpus: the fix of 09: Publish copies the subscriber list under the lock and delivers
// without it, to buffered inboxes.
// gomc:expect none
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
	var targets []Subscriber
	for _, s := range b.subs {
		targets = append(targets, s)
	}
	b.mu.Unlock()
	for _, s := range targets {
		s.Inbox() <- msg
	}
}

func (b *Broker) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, id)
}

func main() {
	s := &sub{ch: make(chan string, 1)}
	b := &Broker{subs: map[int]Subscriber{1: s}}
	done := make(chan bool)
	go func() {
		b.Unsubscribe(1)
		done <- true
	}()
	b.Publish("hello")
	<-done
}
