// Corpus: a semaphore counts its permits in a uint8 and releases one more than it acquired on
// an error path, so the count wraps from 255 back to 0 and every later Acquire waits forever.
// gomc:expect deadlock
package main

import "sync"

type Sem struct {
	mu      sync.Mutex
	cond    *sync.Cond
	permits uint8
}

func NewSem(n uint8) *Sem {
	s := &Sem{permits: n}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *Sem) Acquire() {
	s.mu.Lock()
	for s.permits == 0 {
		s.cond.Wait()
	}
	s.permits--
	s.mu.Unlock()
}

func (s *Sem) Release() {
	s.mu.Lock()
	s.permits++
	s.cond.Signal()
	s.mu.Unlock()
}

func main() {
	s := NewSem(255)
	s.Release() // an extra release on an error path: 255+1 wraps to 0
	s.Acquire()
}
