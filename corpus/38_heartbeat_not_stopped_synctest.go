// Corpus: a session starts a heartbeat goroutine on a ticker and its Close forgets to stop it.
// Under testing/synctest the test fails as Go's does: when the test function returns the
// heartbeat goroutine is still waiting for a tick that the stopped clock never delivers.
// gomc:expect panic
package main

import (
	"fmt"
	"testing/synctest"
	"time"
)

type session struct {
	beats int
	quit  chan struct{}
}

func (s *session) heartbeat() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.beats++
		case <-s.quit:
			return
		}
	}
}

func open() *session {
	s := &session{quit: make(chan struct{})}
	go s.heartbeat()
	return s
}

// Close should close(s.quit); it does not.
func (s *session) Close() {}

func main() {
	synctest.Run(func() {
		s := open()
		time.Sleep(2500 * time.Millisecond)
		s.Close()
		fmt.Println("closed")
	})
}
