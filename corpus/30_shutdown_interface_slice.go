// Corpus: a server shuts its components down in order through a Shutdowner interface; one
// component's Shutdown waits for a worker that needs the server lock held by the caller.
// gomc:expect deadlock
package main

import "sync"

type Shutdowner interface{ Shutdown() }

type Server struct {
	mu         sync.Mutex
	components []Shutdowner
	requests   int
}

type worker struct {
	srv  *Server
	done chan struct{}
}

func (w *worker) run() {
	w.srv.mu.Lock()
	w.srv.requests++
	w.srv.mu.Unlock()
	close(w.done)
}

func (w *worker) Shutdown() { <-w.done }

func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.components {
		c.Shutdown()
	}
}

func main() {
	s := &Server{}
	w := &worker{srv: s, done: make(chan struct{})}
	s.components = []Shutdowner{w}
	go w.run()
	s.Close()
}
