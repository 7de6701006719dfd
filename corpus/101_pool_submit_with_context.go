// Corpus: a worker pool whose Submit selects between handing the task over and the caller's
// context, and refuses tasks once Close has set a flag under the pool's mutex; Close closes the
// task channel, waits for the workers and closes the results, which main drains and sorts.
// No violation: go run prints 0:"",1:"x",2:"xx".
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Result struct {
	ID    int
	Value string
	Err   error
}

var ErrClosed = errors.New("pool closed")

type Pool struct {
	mu      sync.Mutex
	workers int
	tasks   chan func() Result
	results chan Result
	closed  bool
	wg      sync.WaitGroup
}

func NewPool(n int) *Pool {
	p := &Pool{workers: n, tasks: make(chan func() Result), results: make(chan Result, n)}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.loop()
	}
	return p
}

func (p *Pool) loop() {
	defer p.wg.Done()
	for t := range p.tasks {
		p.results <- t()
	}
}

func (p *Pool) Submit(ctx context.Context, f func() Result) error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return ErrClosed
	}
	p.mu.Unlock()
	select {
	case p.tasks <- f:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("submit: %w", ctx.Err())
	}
}

func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	close(p.tasks)
	p.wg.Wait()
	close(p.results)
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	p := NewPool(2)
	go func() {
		for i := 0; i < 3; i++ {
			i := i
			if err := p.Submit(ctx, func() Result {
				return Result{ID: i, Value: strings.Repeat("x", i)}
			}); err != nil {
				fmt.Println("submit failed:", err)
			}
		}
		p.Close()
	}()
	var all []Result
	for r := range p.results {
		all = append(all, r)
	}
	sort.Slice(all, func(a, b int) bool { return all[a].ID < all[b].ID })
	var parts []string
	for _, r := range all {
		parts = append(parts, fmt.Sprintf("%d:%q", r.ID, r.Value))
	}
	fmt.Println(strings.Join(parts, ","))
}
