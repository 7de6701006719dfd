// Corpus: a cache computes each key once: entries hold a sync.Once, the map is guarded by a
// mutex released before the computation. No violation.
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

type entry struct {
	once  sync.Once
	value int
}

type Cache struct {
	mu      sync.Mutex
	entries map[string]*entry
	calls   int
}

func (c *Cache) Get(key string, compute func() int) int {
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &entry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.value = compute()
		c.mu.Lock()
		c.calls++
		c.mu.Unlock()
	})
	return e.value
}

func main() {
	c := &Cache{entries: map[string]*entry{}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get("k", func() int { return 42 })
		}()
	}
	wg.Wait()
	if c.calls != 1 {
		panic(fmt.Sprint("computed ", c.calls, " times"))
	}
}
