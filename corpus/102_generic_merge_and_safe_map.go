// Corpus: generic pipeline helpers as people write them: Gen[T] and Merge[T] (a WaitGroup
// closes the merged channel), Sum over a ~int | ~int64 | ~float64 constraint, and a
// SafeMap[K comparable, V any] guarded by its mutex. No violation: go run prints
// [1 2 3] [total] 0.75.
// gomc:expect none
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func Gen[T any](vs ...T) <-chan T {
	c := make(chan T)
	go func() {
		defer close(c)
		for _, v := range vs {
			c <- v
		}
	}()
	return c
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type SafeMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (s *SafeMap[K, V]) Put(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = make(map[K]V)
	}
	s.m[k] = v
}

func (s *SafeMap[K, V]) Keys() []K {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]K, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	return keys
}

type ms int

func main() {
	var got []ms
	for v := range Merge(Gen[ms](1, 2), Gen[ms](3)) {
		got = append(got, v)
	}
	slices.SortFunc(got, func(a, b ms) int { return cmp.Compare(a, b) })
	var sm SafeMap[string, ms]
	sm.Put("total", Sum(got))
	keys := sm.Keys()
	fmt.Println(got, keys, Sum([]float64{0.5, 0.25}))
}
