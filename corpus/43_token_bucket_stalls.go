// Corpus: a token bucket with fractional tokens (a float64 balance refilled at a rate per
// tick). A caller that wants more than the bucket can ever hold waits on the Cond for good
// once the refiller stops: the refiller signals only while it runs.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type Bucket struct {
	mu       sync.Mutex
	cond     *sync.Cond
	tokens   float64
	capacity float64
	rate     float64
}

func NewBucket(capacity, rate float64) *Bucket {
	b := &Bucket{capacity: capacity, rate: rate}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *Bucket) refill() {
	b.mu.Lock()
	b.tokens += b.rate
	if b.tokens > b.capacity {
		b.tokens = b.capacity
	}
	b.mu.Unlock()
	b.cond.Broadcast()
}

func (b *Bucket) Take(n float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.tokens < n {
		b.cond.Wait()
	}
	b.tokens -= n
}

func main() {
	b := NewBucket(1.5, 0.5)
	done := make(chan struct{})
	go func() {
		for i := 0; i < 4; i++ {
			b.refill()
		}
		close(done)
	}()
	b.Take(0.75)
	b.Take(2)
	<-done
	fmt.Printf("left: %.2f\n", b.tokens)
}
