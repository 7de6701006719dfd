// Corpus: workers stop when a done channel closes; the stop function is a method value of a
// sync.Once-guarded closer, called by two owners. No violation.
// gomc:expect none
package main

import "sync"

type stopper struct {
	once sync.Once
	done chan struct{}
}

func (s *stopper) closeDone() { close(s.done) }

func (s *stopper) Stop() { s.once.Do(s.closeDone) }

func main() {
	s := &stopper{done: make(chan struct{})}
	stop := s.Stop
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-s.done
		}()
	}
	go stop()
	stop()
	wg.Wait()
}
