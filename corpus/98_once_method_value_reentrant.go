// Corpus: lazy initialization with sync.Once and a method value, `c.once.Do(c.load)`; load
// reads a default through c.Get, which calls once.Do again from inside the first Do. Once's
// mutex is held by the outer Do, so the inner one waits for ever: go run: "all goroutines are
// asleep - deadlock!".
// gomc:expect deadlock
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Config struct {
	once sync.Once
	vals map[string]string
	raw  string
}

func (c *Config) load() {
	c.vals = map[string]string{}
	for _, kv := range strings.Split(c.raw, ";") {
		k, v, _ := strings.Cut(kv, "=")
		c.vals[k] = v
	}
	if c.vals["mode"] == "" {
		c.vals["mode"] = c.Get("default_mode") // BUG: re-enters once.Do
	}
}

func (c *Config) Get(key string) string {
	c.once.Do(c.load)
	return c.vals[key]
}

func main() {
	c := &Config{raw: "addr=:8080;default_mode=fast"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("addr", c.Get("addr"))
	}()
	wg.Wait()
	fmt.Println("mode", c.Get("mode"))
}
