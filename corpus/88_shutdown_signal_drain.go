// Corpus: a server with a map of handlers that are method values, two workers draining a
// jobs channel with an atomic in-flight counter, and a graceful shutdown: a signal-like
// channel, context.WithCancelCause to stop slow handlers (time.After against ctx.Done), then
// close(jobs), wg.Wait and a drain of the buffered log channel. No violation (go run prints
// "handled 4 inflight 0").
// gomc:expect none
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Server struct {
	handlers map[string]func(ctx context.Context, id int) string
	inflight atomic.Int32
	wg       sync.WaitGroup
	jobs     chan int
	logs     chan string
}

func NewServer() *Server {
	s := &Server{jobs: make(chan int), logs: make(chan string, 8)}
	s.handlers = map[string]func(context.Context, int) string{
		"fast": s.fast,
		"slow": s.slow,
	}
	return s
}

func (s *Server) fast(ctx context.Context, id int) string { return fmt.Sprintf("job %d fast", id) }

func (s *Server) slow(ctx context.Context, id int) string {
	select {
	case <-time.After(50 * time.Millisecond):
		return fmt.Sprintf("job %d slow", id)
	case <-ctx.Done():
		return fmt.Sprintf("job %d canceled: %v", id, context.Cause(ctx))
	}
}

func (s *Server) Serve(ctx context.Context, workers int) {
	for w := 0; w < workers; w++ {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			for id := range s.jobs {
				s.inflight.Add(1)
				kind := "fast"
				if id%2 == 0 {
					kind = "slow"
				}
				s.logs <- s.handlers[kind](ctx, id)
				s.inflight.Add(-1)
			}
		}()
	}
}

func main() {
	sigs := make(chan struct{}, 1) // stands in for os/signal
	ctx, cancel := context.WithCancelCause(context.Background())
	s := NewServer()
	s.Serve(ctx, 2)
	go func() {
		for i := 1; i <= 4; i++ {
			s.jobs <- i
		}
		sigs <- struct{}{}
	}()
	<-sigs
	cancel(fmt.Errorf("shutdown requested"))
	close(s.jobs)
	s.wg.Wait()
	close(s.logs)
	n := 0
	for range s.logs {
		n++
	}
	fmt.Println("handled", n, "inflight", s.inflight.Load())
}
