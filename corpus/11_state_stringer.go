// Corpus: a connection state machine with a Stringer state type; transitions under a mutex,
// observers print the state. No violation.
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

type State uint8

const (
	Idle State = iota
	Connecting
	Ready
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Connecting:
		return "connecting"
	default:
		return "ready"
	}
}

type Conn struct {
	mu    sync.Mutex
	state State
}

func (c *Conn) advance() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state < Ready {
		c.state++
	}
}

func main() {
	c := &Conn{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.advance()
		}()
	}
	wg.Wait()
	fmt.Println("state:", c.state)
}
