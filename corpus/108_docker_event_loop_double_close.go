// Corpus: a Docker-style event loop: handlers per event type in a map of functions (called as
// d.handlers[Stop](m)), a "die" case that falls through to "stop", a recover around the
// handlers and errors.As for a user error type. On an unknown event the loop closes the events
// channel itself, and the daemon's Shutdown closes it too: go run panics with "close of closed
// channel".
// gomc:expect panic
package main

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
)

type EventType uint8

const (
	Start EventType = iota + 1
	Die
	Stop
)

var names = [...]string{Start: "start", Die: "die", Stop: "stop"}

func (t EventType) String() string {
	if int(t) < len(names) && names[t] != "" {
		return names[t]
	}
	return "EventType(" + strconv.Itoa(int(t)) + ")"
}

type Message struct {
	Type EventType
	ID   string
}

type NotFoundError struct{ ID string }

func (e *NotFoundError) Error() string { return "no such container: " + e.ID }

type daemon struct {
	mu         sync.Mutex
	containers map[string]bool
	events     chan Message
	handlers   map[EventType]func(Message) error
}

func (d *daemon) handle(m Message) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("handler %v panicked: %v", m.Type, r)
		}
	}()
	switch m.Type {
	case Die:
		fmt.Println("container died:", m.ID)
		fallthrough
	case Stop:
		return d.handlers[Stop](m)
	default:
		return d.handlers[m.Type](m)
	}
}

func (d *daemon) loop(done chan<- struct{}) {
	defer close(done)
	for m := range d.events {
		if err := d.handle(m); err != nil {
			var nf *NotFoundError
			if errors.As(err, &nf) {
				fmt.Println("ignoring:", nf.ID)
				continue
			}
			fmt.Println("fatal:", err)
			close(d.events) // BUG: the owner closes it too
			return
		}
	}
}

func (d *daemon) Shutdown() {
	close(d.events)
}

func main() {
	d := &daemon{containers: map[string]bool{"c1": true}, events: make(chan Message, 4)}
	d.handlers = map[EventType]func(Message) error{
		Start: func(m Message) error {
			d.mu.Lock()
			defer d.mu.Unlock()
			d.containers[m.ID] = true
			return nil
		},
		Stop: func(m Message) error {
			d.mu.Lock()
			defer d.mu.Unlock()
			if !d.containers[m.ID] {
				return &NotFoundError{m.ID}
			}
			delete(d.containers, m.ID)
			return nil
		},
	}
	done := make(chan struct{})
	go d.loop(done)
	d.events <- Message{Die, "c2"}
	d.events <- Message{Die, "c1"}
	d.events <- Message{Type: 9, ID: "c3"}
	d.Shutdown()
	<-done
}
