// Corpus: a registry looks a handler up under RLock and, on a miss, takes Lock without
// releasing the read lock first: RWMutex cannot be upgraded.
// gomc:expect deadlock
package main

import "sync"

type Handler interface{ Serve() string }

type static string

func (s static) Serve() string { return string(s) }

type Registry struct {
	mu       sync.RWMutex
	handlers map[string]Handler
}

func (r *Registry) Get(name string) Handler {
	r.mu.RLock()
	defer r.mu.RUnlock()
	h, ok := r.handlers[name]
	if !ok {
		r.mu.Lock() // upgrade: waits for our own read lock
		h = static(name)
		r.handlers[name] = h
		r.mu.Unlock()
	}
	return h
}

func main() {
	r := &Registry{handlers: map[string]Handler{}}
	println(r.Get("index").Serve())
}
