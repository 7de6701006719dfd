// Corpus: a connection pool whose Get waits on a sync.Cond for a connection to come back.
// Close marks the pool closed but only Signals, so with two callers waiting one of them is
// never woken and Get never returns (Broadcast is the fix).
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
)

var errPoolClosed = errors.New("pool: closed")

type conn struct{ id int }

type Pool struct {
	mu     sync.Mutex
	cond   *sync.Cond
	idle   []*conn
	closed bool
}

func NewPool(n int) *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	for i := 0; i < n; i++ {
		p.idle = append(p.idle, &conn{id: i})
	}
	return p
}

func (p *Pool) Get() (*conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.idle) == 0 && !p.closed {
		p.cond.Wait()
	}
	if p.closed {
		return nil, errPoolClosed
	}
	c := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	return c, nil
}

func (p *Pool) Put(c *conn) {
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Signal()
}

func main() {
	p := NewPool(0)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := p.Get(); err != nil {
				fmt.Printf("client %d: %v\n", i, err)
			}
		}(i)
	}
	p.Close()
	wg.Wait()
}
