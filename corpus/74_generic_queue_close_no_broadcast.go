// Corpus: a generic blocking queue, Queue[T any], built on a mutex and a sync.Cond. Pop
// waits in the usual `for` loop until an item arrives or the queue is closed, but Close sets
// the flag without a Broadcast, so a consumer already waiting is never woken: main's
// wg.Wait blocks with it and all goroutines are asleep. (A consumer that checks after the
// Close sees the flag and returns.) go run shows it: the consumer is waiting long before
// main closes the queue.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
	"time"
)

type Queue[T any] struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []T
	closed bool
}

func NewQueue[T any]() *Queue[T] {
	q := &Queue[T]{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue[T]) Push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal()
}

// Pop returns the next item, or false once the queue is closed and empty.
func (q *Queue[T]) Pop() (T, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

func (q *Queue[T]) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	// BUG: missing q.cond.Broadcast()
}

type job struct {
	ID   int
	Name string
}

func main() {
	q := NewQueue[job]()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			j, ok := q.Pop()
			if !ok {
				return
			}
			fmt.Printf("processing %+v\n", j)
		}
	}()
	q.Push(job{1, "resize"})
	time.Sleep(10 * time.Millisecond)
	q.Close()
	wg.Wait()
}
