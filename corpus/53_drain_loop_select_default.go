// Corpus: a log shipper drains a queue in a loop with select/default, yielding with
// runtime.Gosched when there is nothing to send, and leaves the loop with a labelled break
// when the stop flag is set. Nobody sets the flag after the last entry, so the loop polls
// forever: a hang (go run never exits).
// gomc:expect hang
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type Shipper struct {
	queue   chan string
	stopped atomic.Bool
	sent    int
}

func (s *Shipper) run(done chan<- int) {
loop:
	for {
		select {
		case line := <-s.queue:
			if line == "" {
				continue loop
			}
			s.sent++
		default:
			if s.stopped.Load() {
				break loop
			}
			runtime.Gosched()
		}
	}
	done <- s.sent
}

func main() {
	s := &Shipper{queue: make(chan string, 4)}
	done := make(chan int)
	go s.run(done)
	for _, l := range []string{"GET /", "", "POST /login"} {
		s.queue <- l
	}
	fmt.Println("shipped", <-done)
}
