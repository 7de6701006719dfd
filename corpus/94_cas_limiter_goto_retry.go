// Corpus: a concurrency limiter built on atomic.Int64 with a CompareAndSwap loop, and
// callers that retry with goto after a short sleep. Release uses Add(-1) but the error path
// of a request forgets it, so after the failing request the slot is gone for good and the
// last caller retries forever while main waits for it: go run never ends.
// gomc:expect hang
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Limiter struct {
	inUse atomic.Int64
	max   int64
}

func (l *Limiter) TryAcquire() bool {
	for {
		cur := l.inUse.Load()
		if cur >= l.max {
			return false
		}
		if l.inUse.CompareAndSwap(cur, cur+1) {
			return true
		}
	}
}

func (l *Limiter) Release() { l.inUse.Add(-1) }

var errBadRequest = errors.New("bad request")

func handle(l *Limiter, id int) error {
retry:
	if !l.TryAcquire() {
		time.Sleep(time.Millisecond)
		goto retry
	}
	if id == 1 {
		return fmt.Errorf("request %d: %w", id, errBadRequest) // BUG: no Release
	}
	defer l.Release()
	time.Sleep(time.Millisecond)
	return nil
}

func main() {
	l := &Limiter{max: 1}
	var wg sync.WaitGroup
	var failed atomic.Int32
	for id := 0; id < 3; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := handle(l, id); err != nil {
				failed.Add(1)
			}
		}(id)
	}
	wg.Wait()
	fmt.Println("failed:", failed.Load(), "in use:", l.inUse.Load())
}
