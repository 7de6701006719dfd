// Corpus: a singleflight-style group suppresses duplicate loads of one key: the first caller
// runs the load and the others wait on the call's WaitGroup. On the error path the leader
// returns before calling Done, so a duplicate caller waits forever.
// gomc:expect deadlock
package main

import (
	"errors"
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

func (g *Group) Do(key string, fn func() (string, error)) (string, error) {
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, c.err
	}
	c := new(call)
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()

	c.val, c.err = fn()
	if c.err != nil {
		return "", c.err
	}
	c.wg.Done()

	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
	return c.val, c.err
}

func main() {
	var g Group
	load := func() (string, error) { return "", errors.New("backend unavailable") }
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := g.Do("user:42", load)
			fmt.Println(v, err)
		}()
	}
	wg.Wait()
}
