// Corpus: a service keeps its configuration in an atomic.Pointer[Config] that a loader
// goroutine fills in and a reload replaces. The request handler is started before the first
// Store has happened and dereferences Load()'s result unchecked: when it runs first, Load
// returns nil and the handler panics with a nil pointer dereference. When the loader is
// first, the handler sees a whole configuration, old or new.
// gomc:expect panic
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

type Config struct {
	Upstreams []string
	Timeout   int
}

type Service struct {
	cfg atomic.Pointer[Config]
}

func (s *Service) load(version int) {
	c := &Config{Timeout: 10 * version}
	for i := 0; i < version; i++ {
		c.Upstreams = append(c.Upstreams, "10.0.0."+strconv.Itoa(i+1))
	}
	s.cfg.Store(c)
}

func (s *Service) handle(id int) string {
	cfg := s.cfg.Load() // BUG: nil until the loader has run
	var b strings.Builder
	fmt.Fprintf(&b, "req %d -> %s (timeout %dms)", id, strings.Join(cfg.Upstreams, ","), cfg.Timeout)
	return b.String()
}

func main() {
	var s Service
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.load(1)
		s.load(2) // a reload
	}()
	go func() {
		defer wg.Done()
		fmt.Println(s.handle(1))
	}()
	wg.Wait()
}
