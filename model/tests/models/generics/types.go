// Generic types with methods: a mutex-guarded map used from goroutines, a stack, a pair and a
// stack of pairs. Expected output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"sync"
)

// SafeMap is the map-behind-a-mutex that most services define.
type SafeMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func NewSafeMap[K comparable, V any]() *SafeMap[K, V] {
	return &SafeMap[K, V]{m: make(map[K]V)}
}

func (s *SafeMap[K, V]) Store(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
}

func (s *SafeMap[K, V]) Load(k K) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	return v, ok
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() T {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

func (s Stack[T]) Len() int { return len(s.items) }

type Pair[A, B any] struct {
	First  A
	Second B
}

func main() {
	m := NewSafeMap[string, int]()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(fmt.Sprint("k", i), i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load("k1")
	fmt.Println(v, ok)
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	fmt.Println(s.Pop(), s.Len())
	p := Pair[int, string]{1, "x"}
	fmt.Printf("%v %d\n", p, p.First)
	ps := new(Stack[Pair[int, string]])
	ps.Push(p)
	fmt.Println(ps.Len())
}
