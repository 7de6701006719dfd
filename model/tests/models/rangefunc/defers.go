// Deferred calls in the bodies of ranges over functions run when the function around the loop
// returns, newest first, together with that function's own deferred calls (Go 1.23's
// deferrangefunc and deferprocat, runtime/panic.go). Expected output: go run, Go 1.23.5.
package main

import (
	"fmt"
	"iter"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	items []string
}

// All yields every item under the lock, with deferred calls of its own.
func (r *Registry) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		defer fmt.Println("iterator done")
		for i, item := range r.items {
			if !yield(i, item) {
				return
			}
		}
	}
}

func pairs(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func visit(r *Registry) (count int) {
	defer fmt.Println("visit returns", count)
	defer func() { count *= 10 }()
	for i, item := range r.All() {
		defer fmt.Println("deferred in body", i, item)
		for j := range pairs(2) {
			defer fmt.Println("nested", i, j)
		}
		count++
		if i == 1 {
			break
		}
	}
	defer fmt.Println("after the loop")
	return count
}

func main() {
	r := &Registry{items: []string{"a", "b", "c"}}
	fmt.Println("count", visit(r))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range r.All() {
			// Runs when this goroutine's function returns, after the iterator unlocked: the
			// mutex stays locked, and main's Lock below waits for ever.
			defer r.mu.Lock()
			break
		}
	}()
	wg.Wait()
	r.mu.Lock()
	fmt.Println("locked")
}
