// Corpus: a generic connection pool (Pool[T]) with a sync.Cond; Close sets closed and calls
// Signal where it needs Broadcast. With both workers waiting for the one connection held by
// main when Close runs, only one wakes up and the other waits for ever, so wg.Wait never
// returns. go run rarely shows it (the workers are usually not parked yet when main closes
// the pool); gomc finds the schedule where they are.
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
)

var ErrPoolClosed = errors.New("pool: closed")

type Conn struct {
	id   int
	uses int
}

func (c *Conn) String() string { return fmt.Sprintf("conn#%d(uses=%d)", c.id, c.uses) }

type Pool[T any] struct {
	mu     sync.Mutex
	cond   *sync.Cond
	idle   []T
	open   int
	max    int
	closed bool
	dial   func(n int) T
}

func NewPool[T any](max int, dial func(int) T) *Pool[T] {
	p := &Pool[T]{max: max, dial: dial}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pool[T]) Get() (T, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for {
		if p.closed {
			var zero T
			return zero, ErrPoolClosed
		}
		if n := len(p.idle); n > 0 {
			c := p.idle[n-1]
			p.idle = p.idle[:n-1]
			return c, nil
		}
		if p.open < p.max {
			p.open++
			return p.dial(p.open), nil
		}
		p.cond.Wait()
	}
}

func (p *Pool[T]) Put(c T) {
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *Pool[T]) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Signal() // should be Broadcast: only one waiter wakes up
}

func main() {
	pool := NewPool(1, func(n int) *Conn { return &Conn{id: n} })
	first, _ := pool.Get()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := pool.Get()
			if err != nil {
				errs[i] = err
				return
			}
			c.uses++
			pool.Put(c)
		}()
	}
	pool.Close()
	wg.Wait()
	fmt.Println(first, errs)
	for _, err := range errs {
		if errors.Is(err, ErrPoolClosed) {
			fmt.Println("worker saw:", err)
		}
	}
}
