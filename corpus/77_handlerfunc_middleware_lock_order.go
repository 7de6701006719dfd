// Corpus: an HTTP-style middleware chain built from a HandlerFunc adapter type (a func type
// with a Serve method, as net/http's). The stats middleware holds its mutex across the rest
// of the chain; the logging middleware takes the logger's mutex to write. Log rotation, in
// another goroutine, holds the logger's mutex and asks the stats for a snapshot to write in
// the new file's header. Each takes the two locks in the other order: when the request holds
// the stats lock and rotation the logger's, both wait for ever and so does main. go run
// rarely hits the window; gomc finds it.
// gomc:expect deadlock
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Request struct {
	Path string
}

type Handler interface {
	Serve(r *Request) error
}

type HandlerFunc func(r *Request) error

func (f HandlerFunc) Serve(r *Request) error { return f(r) }

type Stats struct {
	mu       sync.Mutex
	requests int
}

func (s *Stats) Middleware(next Handler) Handler {
	return HandlerFunc(func(r *Request) error {
		s.mu.Lock()
		defer s.mu.Unlock() // held across next.Serve
		s.requests++
		return next.Serve(r)
	})
}

func (s *Stats) Snapshot() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("requests=%d", s.requests)
}

type Logger struct {
	mu    sync.Mutex
	lines []string
	stats *Stats
}

func (l *Logger) Middleware(next Handler) Handler {
	return HandlerFunc(func(r *Request) error {
		err := next.Serve(r)
		l.mu.Lock()
		l.lines = append(l.lines, fmt.Sprintf("%s err=%v", r.Path, err))
		l.mu.Unlock()
		return err
	})
}

func (l *Logger) Rotate() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = []string{"# " + l.stats.Snapshot()} // BUG: logger lock, then stats lock
}

func main() {
	stats := &Stats{}
	logger := &Logger{stats: stats}
	var app Handler = HandlerFunc(func(r *Request) error {
		if strings.HasPrefix(r.Path, "/admin") {
			return fmt.Errorf("forbidden: %s", r.Path)
		}
		return nil
	})
	h := stats.Middleware(logger.Middleware(app))

	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		_ = h.Serve(&Request{Path: "/admin/users"})
	}()
	go func() {
		defer wg.Done()
		logger.Rotate()
	}()
	wg.Wait()
	fmt.Println(strings.Join(logger.lines, "\n"))
}
