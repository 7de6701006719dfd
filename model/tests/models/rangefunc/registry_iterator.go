package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	names []string
}

// All holds the lock while the loop body runs.
func (r *Registry) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		for i, n := range r.names {
			if !yield(i, n) {
				return
			}
		}
	}
}

func Filter[V any](seq iter.Seq[V], keep func(V) bool) iter.Seq[V] {
	return func(yield func(V) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func main() {
	r := &Registry{names: []string{"a", "b", "c"}}
	for i, n := range r.All() {
		fmt.Println(i, n)
	}
	for i, v := range slices.Backward([]int{7, 8}) {
		fmt.Println(i, v)
	}
	even := Filter(slices.Values([]int{1, 2, 3, 4, 5, 6}), func(v int) bool { return v%2 == 0 })
	fmt.Println(slices.Collect(even))
	n := 0
	for k, v := range maps.All(map[string]int{"a": 1, "b": 2}) {
		n += len(k) + v
	}
	fmt.Println(n)
	var seq iter.Seq[int] = slices.Values([]int{9})
	fmt.Printf("%T\n", seq)
	// The classic deadlock: the body calls back into the registry while All holds its lock.
	for _, name := range r.All() {
		if name == "b" {
			r.mu.Lock()
			r.names = append(r.names, "d")
			r.mu.Unlock()
		}
	}
}
