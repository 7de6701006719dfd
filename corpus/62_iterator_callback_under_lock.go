// Corpus: a session registry exposes its sessions as a Go 1.23 iterator that holds the
// registry's lock while the loop body runs. The janitor ranges over it and expires idle
// sessions by calling Remove, which takes the same lock: the iterator's own goroutine
// blocks on the mutex it holds (go run: fatal error: all goroutines are asleep).
// gomc:expect deadlock
package main

import (
	"fmt"
	"iter"
	"sync"
)

type session struct {
	id   string
	idle int
}

type Registry struct {
	mu       sync.Mutex
	sessions map[string]*session
}

func (r *Registry) All() iter.Seq[*session] {
	return func(yield func(*session) bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, s := range r.sessions {
			if !yield(s) {
				return
			}
		}
	}
}

func (r *Registry) Remove(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.sessions, id)
}

func main() {
	r := &Registry{sessions: map[string]*session{
		"a": {id: "a", idle: 1},
		"b": {id: "b", idle: 30},
	}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for s := range r.All() {
			if s.idle > 10 {
				r.Remove(s.id)
			}
		}
	}()
	<-done
	fmt.Println("sessions left:", len(r.sessions))
}
