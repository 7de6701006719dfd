// Corpus: a circuit breaker around backend health probes chosen by method expressions
// ((*backend).probeGRPC), one probe goroutine per backend raced against time.After, a labeled
// continue past open breakers, an iota State with a String method, errors.ErrUnsupported
// wrapped, slices.SortFunc with cmp.Compare and a strings.Builder report. No violation: go run
// prints the two results and the breaker states.
// gomc:expect none
package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

type State int

const (
	Closed State = iota
	HalfOpen
	Open
)

func (s State) String() string {
	return [...]string{"closed", "half-open", "open"}[s]
}

type Breaker struct {
	mu       sync.RWMutex
	state    State
	failures int
}

func (b *Breaker) Allow() bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.state != Open
}

func (b *Breaker) Record(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err == nil {
		b.failures, b.state = 0, Closed
		return
	}
	if b.failures++; b.failures >= 2 {
		b.state = Open
	}
}

type backend struct {
	name string
	kind string
	br   Breaker
}

func (b *backend) probeHTTP() error { return nil }
func (b *backend) probeGRPC() error {
	return fmt.Errorf("%s: %w", b.name, errors.ErrUnsupported)
}

func main() {
	type result struct {
		name string
		err  error
	}
	probes := map[string]func(*backend) error{
		"http": (*backend).probeHTTP,
		"grpc": (*backend).probeGRPC,
	}
	backends := []*backend{{name: "api", kind: "http"}, {name: "auth", kind: "grpc"}, {name: "db", kind: "grpc"}}
	backends[2].br.state = Open

	var results []result
	for round := 0; round < 2; round++ {
	next:
		for _, b := range backends {
			if !b.br.Allow() {
				continue next
			}
			ch := make(chan error, 1)
			go func(b *backend) { ch <- probes[b.kind](b) }(b)
			select {
			case err := <-ch:
				b.br.Record(err)
				if round == 1 {
					results = append(results, result{b.name, err})
				}
			case <-time.After(time.Second):
				b.br.Record(errors.New("timeout"))
			}
		}
	}
	slices.SortFunc(results, func(a, b result) int { return cmp.Compare(b.name, a.name) })
	var sb strings.Builder
	for _, r := range results {
		fmt.Fprintf(&sb, "%-5s err=%v\n", r.name, r.err)
	}
	for _, b := range backends {
		fmt.Fprintf(&sb, "%s:%v ", b.name, b.br.state)
	}
	fmt.Println(sb.String())
}
