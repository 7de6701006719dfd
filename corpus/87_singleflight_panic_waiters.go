// Corpus: a cache that deduplicates loads with a hand-written singleflight (a map of calls,
// each with a WaitGroup). The loader panics on its first call; the caller recovers the panic,
// but Do never reaches wg.Done, so every other caller of the same key waits in Wait for ever
// and main's WaitGroup never completes (go run: "all goroutines are asleep" every time).
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type call struct {
	wg  sync.WaitGroup
	val string
	err error
}

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) Do(key string, fn func() (string, error)) (string, error, bool) {
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, c.err, true
	}
	c := new(call)
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()

	c.val, c.err = fn() // if fn panics, Done is never called
	c.wg.Done()

	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
	return c.val, c.err, false
}

type Cache struct {
	group Group
	mu    sync.RWMutex
	data  map[string]string
	loads int
}

func (c *Cache) Get(key string) (v string, err error) {
	c.mu.RLock()
	v, ok := c.data[key]
	c.mu.RUnlock()
	if ok {
		return v, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("load %q: %v", key, r)
		}
	}()
	v, err, _ = c.group.Do(key, func() (string, error) {
		c.mu.Lock()
		c.loads++
		n := c.loads
		c.mu.Unlock()
		if n == 1 {
			panic("backend unavailable")
		}
		return "value-" + key, nil
	})
	if err == nil {
		c.mu.Lock()
		c.data[key] = v
		c.mu.Unlock()
	}
	return v, err
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get("user:1")
			results[i] = fmt.Sprint(v, err)
		}()
	}
	wg.Wait()
	fmt.Printf("%q\n", results)
}
