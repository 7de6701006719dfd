// Corpus: a metrics registry that embeds sync.Mutex (r.Lock()), counts by name from
// goroutines that capture the range variable (Go 1.22 semantics), and prints itself through a
// String method built with strings.Builder and fmt.Fprintf, sorted with sort.Slice; %+v of
// the snapshot names the fields, and a time.Duration prints as 10ms. No violation: every
// goroutine finishes before Wait returns (go run agrees).
// gomc:expect none
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Counter struct {
	Name  string
	Value int64
}

type Registry struct {
	sync.Mutex
	counters map[string]*Counter
	interval time.Duration
}

func NewRegistry(interval time.Duration) *Registry {
	return &Registry{counters: make(map[string]*Counter), interval: interval}
}

func (r *Registry) Inc(name string, by int64) {
	r.Lock()
	defer r.Unlock()
	c, ok := r.counters[name]
	if !ok {
		c = &Counter{Name: name}
		r.counters[name] = c
	}
	c.Value += by
}

func (r *Registry) Snapshot() []Counter {
	r.Lock()
	defer r.Unlock()
	out := make([]Counter, 0, len(r.counters))
	for _, c := range r.counters {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (r *Registry) String() string {
	var b strings.Builder
	for i, c := range r.Snapshot() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%d", c.Name, c.Value)
	}
	return b.String()
}

func main() {
	reg := NewRegistry(10 * time.Millisecond)
	var wg sync.WaitGroup
	for _, name := range []string{"req", "err", "req"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reg.Inc(name, 1)
		}()
	}
	wg.Wait()
	fmt.Printf("%v\n", reg)
	fmt.Printf("%+v\n", reg.Snapshot())
	fmt.Println("interval", reg.interval)
}
