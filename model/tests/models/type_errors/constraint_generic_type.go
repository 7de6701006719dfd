package main

import "sync"

type Counter[K comparable] struct {
	mu     sync.Mutex
	counts map[K]int
}

func (c *Counter[K]) Inc(k K) {
	c.mu.Lock()
	c.counts[k]++
	c.mu.Unlock()
}

func main() {
	c := &Counter[[]string]{counts: nil}
	_ = c
}
// go build: 17:16: []string does not implement comparable
