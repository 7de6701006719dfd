// Corpus: a concurrency limiter built on a buffered channel: a request takes a token with a
// non-blocking send (select with default) and is rejected when none is free. The release is
// deferred before the acquire, so a rejected request also "releases": it takes the token of
// the request still running, whose own release then blocks forever on the empty channel
// (or the rejected one blocks, when the token is already back). wg.Wait never returns: all
// goroutines are asleep. Run one after the other, the requests all succeed.
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
)

var errBusy = errors.New("server busy")

type Limiter struct {
	tokens chan struct{}
}

func NewLimiter(n int) *Limiter {
	return &Limiter{tokens: make(chan struct{}, n)}
}

func (l *Limiter) TryAcquire() bool {
	select {
	case l.tokens <- struct{}{}:
		return true
	default:
		return false
	}
}

func (l *Limiter) Release() { <-l.tokens }

func handle(l *Limiter, id int) error {
	defer l.Release() // BUG: runs even when TryAcquire failed
	if !l.TryAcquire() {
		return fmt.Errorf("request %d: %w", id, errBusy)
	}
	// ... serve the request ...
	return nil
}

func main() {
	l := NewLimiter(1)
	var wg sync.WaitGroup
	for id := 1; id <= 2; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := handle(l, id); errors.Is(err, errBusy) {
				fmt.Println("rejected:", err)
			}
		}(id)
	}
	wg.Wait()
	fmt.Println("in flight:", len(l.tokens))
}
