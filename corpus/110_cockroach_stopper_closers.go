// Corpus: a CockroachDB-style Stopper: RunAsyncTask refuses work once quiescing, Stop closes
// the quiescer once (sync.Once), waits for the tasks and runs closers added variadically, one
// of them a method value adapted by a function type. Stop runs twice concurrently. No
// violation: go run prints the closers in reverse order, the refused late task and "tasks: 2".
// gomc:expect none
package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

var ErrUnavailable = errors.New("node unavailable")

type Closer interface{ Close() }

type CloserFn func()

func (f CloserFn) Close() { f() }

type Stopper struct {
	mu       sync.Mutex
	quiescer chan struct{}
	stopOnce sync.Once
	tasks    sync.WaitGroup
	closers  []Closer
	log      strings.Builder
}

func NewStopper() *Stopper { return &Stopper{quiescer: make(chan struct{})} }

func (s *Stopper) AddCloser(cs ...Closer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closers = append(s.closers, cs...)
}

func (s *Stopper) ShouldQuiesce() <-chan struct{} { return s.quiescer }

func (s *Stopper) RunAsyncTask(ctx context.Context, name string, f func(context.Context)) error {
	s.mu.Lock()
	select {
	case <-s.quiescer:
		s.mu.Unlock()
		return fmt.Errorf("task %s: %w", name, ErrUnavailable)
	default:
	}
	s.tasks.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.tasks.Done()
		f(ctx)
	}()
	return nil
}

func (s *Stopper) Stop() {
	s.stopOnce.Do(func() {
		s.mu.Lock()
		close(s.quiescer)
		s.mu.Unlock()
	})
	s.tasks.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i].Close()
	}
	s.closers = nil
}

type engine struct{ name string }

func (e *engine) Close() { fmt.Println("closed", e.name) }

func main() {
	s := NewStopper()
	eng := &engine{name: "pebble"}
	closeEngine := eng.Close
	s.AddCloser(CloserFn(closeEngine), CloserFn(func() { fmt.Println("closed gossip") }))
	ctx := context.Background()
	results := make(chan string, 2)
	for _, name := range []string{"raft-scheduler", "gc-queue"} {
		name := name
		err := s.RunAsyncTask(ctx, name, func(ctx context.Context) {
			select {
			case <-s.ShouldQuiesce():
				results <- name + " quiesced"
			case results <- name + " ran":
			}
		})
		if err != nil {
			fmt.Println(err)
		}
	}
	go s.Stop()
	s.Stop()
	if err := s.RunAsyncTask(ctx, "late", func(context.Context) {}); errors.Is(err, ErrUnavailable) {
		fmt.Println(err)
	}
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println("tasks:", n)
}
