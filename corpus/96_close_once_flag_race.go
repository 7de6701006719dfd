// Corpus: a subscription whose Close guards close(ch) with a plain bool instead of sync.Once
// or a mutex. Two goroutines call Close at once: both can read closed == false before either
// sets it, and the second close panics. Race mode reports the unsynchronized flag.
// gomc:races
// gomc:expect race panic
package main

import (
	"fmt"
	"sync"
)

type Subscription struct {
	ch     chan string
	closed bool
}

func (s *Subscription) Close() {
	if !s.closed {
		s.closed = true
		close(s.ch)
	}
}

func main() {
	s := &Subscription{ch: make(chan string, 1)}
	s.ch <- "hello"
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Close()
		}()
	}
	wg.Wait()
	for m := range s.ch {
		fmt.Println("got", m)
	}
}
