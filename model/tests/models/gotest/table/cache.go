// Package table is a tiny concurrency-safe cache.
package table

import "sync"

type Cache struct {
	mu    sync.Mutex
	items map[string]int
	hits  int
}

func New() *Cache { return &Cache{items: make(map[string]int)} }

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[k]
	if ok {
		c.hits++
	}
	return v, ok
}

func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}
