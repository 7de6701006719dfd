// Corpus: a gRPC-style connection pool generic over a connection interface embedding
// io.Closer: idle connections in a slice, in-use ones counted with atomic.Int64, a dial
// function as a field. Two callers borrow and return concurrently, then Close. No violation:
// go run prints "in use: 0 closed: grpc: the client connection is closing".
// gomc:expect none
package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"sync/atomic"
)

var ErrPoolClosed = errors.New("grpc: the client connection is closing")

type Conn interface {
	io.Closer
	Target() string
}

type Pool[C Conn] struct {
	mu     sync.Mutex
	idle   []C
	dial   func(target string) (C, error)
	inUse  atomic.Int64
	closed bool
}

func NewPool[C Conn](dial func(string) (C, error)) *Pool[C] {
	return &Pool[C]{dial: dial}
}

func (p *Pool[C]) Get(target string) (C, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		var zero C
		return zero, ErrPoolClosed
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		p.inUse.Add(1)
		return c, nil
	}
	p.mu.Unlock()
	c, err := p.dial(target)
	if err != nil {
		var zero C
		return zero, fmt.Errorf("dial %s: %w", target, err)
	}
	p.inUse.Add(1)
	return c, nil
}

func (p *Pool[C]) Put(c C) {
	p.inUse.Add(-1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.Close()
		return
	}
	p.idle = append(p.idle, c)
}

func (p *Pool[C]) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	var errs []string
	for _, c := range p.idle {
		if err := c.Close(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	p.idle = nil
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("close: %v", errs)
	}
	return nil
}

type tcpConn struct {
	addr   string
	closed bool
}

func (c *tcpConn) Close() error   { c.closed = true; return nil }
func (c *tcpConn) Target() string { return c.addr }

func main() {
	var dials atomic.Int32
	pool := NewPool(func(t string) (*tcpConn, error) {
		dials.Add(1)
		return &tcpConn{addr: t}, nil
	})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			c, err := pool.Get("10.0.0.1:443")
			if err != nil {
				fmt.Println(err)
				return
			}
			defer pool.Put(c)
			_ = c.Target()
		}(i)
	}
	wg.Wait()
	if err := pool.Close(); err != nil {
		fmt.Println(err)
	}
	if _, err := pool.Get("10.0.0.1:443"); errors.Is(err, ErrPoolClosed) {
		fmt.Println("in use:", pool.inUse.Load(), "closed:", err)
	}
}
