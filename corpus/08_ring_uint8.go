// Corpus: a bounded queue whose head and tail are uint8 indexes into a 256-slot ring, so they
// wrap around as the buffer is reused; a producer and a consumer coordinate with a sync.Cond.
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu         sync.Mutex
	cond       *sync.Cond
	head, tail uint8
	count      int
	slots      [256]int
}

func newQueue() *queue {
	q := &queue{head: 254, tail: 254}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(v int) {
	q.mu.Lock()
	q.slots[q.tail] = v
	q.tail++
	q.count++
	q.cond.Signal()
	q.mu.Unlock()
}

func (q *queue) take() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.count == 0 {
		q.cond.Wait()
	}
	v := q.slots[q.head]
	q.head++
	q.count--
	return v
}

func main() {
	q := newQueue()
	go func() {
		for i := 1; i <= 3; i++ {
			q.put(i)
		}
	}()
	sum := 0
	for i := 0; i < 3; i++ {
		sum += q.take()
	}
	fmt.Println(sum, q.head, q.tail)
}
