package main

import "sync"

type healthy bool

type registry struct {
	mu     sync.Mutex
	status map[string]healthy
	seen   map[string]bool
}

func (r *registry) mark(name string, h healthy) {
	r.mu.Lock()
	r.status[name] = h
	r.mu.Unlock()
}

func main() {
	r := &registry{status: map[string]healthy{}, seen: map[string]bool{"db": true}}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, ok := r.seen["db"]
		r.mark("db", ok)
	}()
	<-done
}
// go build: 25:16: cannot use ok (variable of type bool) as type healthy in argument to r.mark
