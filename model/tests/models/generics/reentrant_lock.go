// A generic cache whose GetOrCompute calls Get while holding the lock: sync.Mutex is not
// reentrant, so the first miss deadlocks. go run: "fatal error: all goroutines are asleep -
// deadlock!" with main.(*Cache[...]).Get on top of the stack.
package main

import (
	"fmt"
	"sync"
)

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *Cache[K, V]) GetOrCompute(k K, compute func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.Get(k); ok {
		return v
	}
	v := compute()
	c.m[k] = v
	return v
}

func main() {
	c := &Cache[string, int]{m: map[string]int{}}
	fmt.Println(c.GetOrCompute("answer", func() int { return 42 }))
}
