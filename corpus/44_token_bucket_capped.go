// Corpus: the token bucket of 43, fixed: each Take asks for no more than the bucket can hold,
// and the refiller runs until the callers are done (capping the request alone is not enough:
// refills that arrive while the bucket is full are lost, and a refiller that stops after four
// ticks can leave the second Take waiting, which gomc and go run both show).
// gomc:expect none
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
	stop := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				b.refill()
			}
		}
	}()
	b.Take(0.75)
	want := 2.0
	if want > b.capacity {
		want = b.capacity
	}
	b.Take(want)
	close(stop)
	<-done
	fmt.Printf("left: %.2f\n", b.tokens)
}
