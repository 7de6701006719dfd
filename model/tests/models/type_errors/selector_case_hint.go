package main

import "sync"

type pool struct {
	mu   sync.Mutex
	idle []int
}

func (p *pool) Get() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 {
		return -1
	}
	c := p.idle[0]
	p.idle = p.idle[1:]
	return c
}

func main() {
	p := &pool{idle: []int{1}}
	done := make(chan int)
	go func() { done <- p.get() }()
	<-done
}
// go build: 24:24: p.get undefined (type *pool has no field or method get, but does have Get)
