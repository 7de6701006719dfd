package cleanup

import (
	"sync"
	"time"
)

// Server handles requests on a background goroutine until Stop.
type Server struct {
	reqs chan request
	quit chan struct{}
	wg   sync.WaitGroup
}

type request struct {
	n     int
	reply chan int
}

func Start() *Server {
	s := &Server{reqs: make(chan request), quit: make(chan struct{})}
	s.wg.Add(1)
	go s.loop()
	return s
}

func (s *Server) loop() {
	defer s.wg.Done()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-s.reqs:
			r.reply <- r.n * 2
		case <-tick.C:
		case <-s.quit:
			return
		}
	}
}

func (s *Server) Double(n int) int {
	reply := make(chan int)
	s.reqs <- request{n, reply}
	return <-reply
}

func (s *Server) Stop() {
	close(s.quit)
	s.wg.Wait()
}
