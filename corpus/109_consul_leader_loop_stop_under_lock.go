// Corpus: a Consul-style leader loop records the leader in an atomic.Pointer and applies each
// change under the server lock; revokeLeadership holds that lock while it sends the stop
// request on an unbuffered channel. If the loop is between receiving the change and taking the
// lock, both wait for ever (deadlock). go run usually finishes first; gomc finds the
// interleaving.
// gomc:expect deadlock
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type ctxKey struct{}

type leaderInfo struct {
	Addr string
	Term uint64
}

type Server struct {
	mu       sync.Mutex
	leader   atomic.Pointer[leaderInfo]
	applied  uint64
	stopCh   chan struct{}
	leaderCh chan leaderInfo
}

func (s *Server) leaderLoop(ctx context.Context) {
	name, _ := ctx.Value(ctxKey{}).(string)
	timer := time.NewTimer(time.Second)
	defer timer.Stop()
	for {
		select {
		case <-s.stopCh:
			fmt.Println(name, "stopped")
			return
		case li := <-s.leaderCh:
			s.leader.Store(&li)
			s.mu.Lock()
			s.applied = li.Term
			s.mu.Unlock()
		case <-timer.C:
			timer.Reset(time.Second)
		}
	}
}

func (s *Server) revokeLeadership() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopCh <- struct{}{} // BUG: sent while holding s.mu
}

func main() {
	s := &Server{stopCh: make(chan struct{}), leaderCh: make(chan leaderInfo)}
	ctx := context.WithValue(context.Background(), ctxKey{}, "server-1")
	go s.leaderLoop(ctx)
	s.leaderCh <- leaderInfo{Addr: "10.0.0.2:8300", Term: 3}
	s.revokeLeadership()
	if li := s.leader.Load(); li != nil {
		fmt.Println("last leader", li.Addr, li.Term)
	}
}
