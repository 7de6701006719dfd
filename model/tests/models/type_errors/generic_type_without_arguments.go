package main

import "sync"

type SafeQueue[T any] struct {
	mu    sync.Mutex
	items []T
}

func (q *SafeQueue[T]) Push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
}

func main() {
	var q SafeQueue
	q.Push(1)
}
// go build: 17:8: cannot use generic type SafeQueue[T any] without instantiation
