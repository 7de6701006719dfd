// Corpus: a TTL cache whose janitor goroutine expires entries on a ticker, tested the way
// Go 1.25's testing/synctest is meant to be used: advance the fake clock past the TTL, wait
// for the janitor to settle, and look. The janitor is stopped before the test ends.
// gomc:expect none
package main

import (
	"sync"
	"testing/synctest"
	"time"
)

type cache struct {
	mu      sync.Mutex
	entries map[string]time.Time
	ttl     time.Duration
	stop    chan struct{}
	done    chan struct{}
}

func newCache(ttl time.Duration) *cache {
	c := &cache{entries: map[string]time.Time{}, ttl: ttl, stop: make(chan struct{}), done: make(chan struct{})}
	go c.janitor()
	return c
}

func (c *cache) janitor() {
	defer close(c.done)
	t := time.NewTicker(c.ttl / 2)
	defer t.Stop()
	for {
		select {
		case now := <-t.C:
			c.mu.Lock()
			for k, added := range c.entries {
				if now.Sub(added) >= c.ttl {
					delete(c.entries, k)
				}
			}
			c.mu.Unlock()
		case <-c.stop:
			return
		}
	}
}

func (c *cache) put(k string) {
	c.mu.Lock()
	c.entries[k] = time.Now()
	c.mu.Unlock()
}

func (c *cache) has(k string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.entries[k]
	return ok
}

func main() {
	synctest.Run(func() {
		c := newCache(time.Second)
		c.put("a")
		synctest.Sleep(500 * time.Millisecond)
		if !c.has("a") {
			panic("expired early")
		}
		synctest.Sleep(time.Second)
		if c.has("a") {
			panic("not expired")
		}
		close(c.stop)
		<-c.done
	})
}
