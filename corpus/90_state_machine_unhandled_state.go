// Corpus: a connection state machine with `type connState int` and iota constants, driven
// by requests over a channel, each with its own reply channel. The switch in the loop has no
// case for stateDraining: a request that arrives while draining gets no reply, so its caller
// waits forever. go run: "all goroutines are asleep - deadlock!".
// gomc:expect deadlock
package main

import (
	"fmt"
)

type connState int

const (
	stateIdle connState = iota
	stateActive
	stateDraining
	stateClosed
)

var stateNames = [...]string{"idle", "active", "draining", "closed"}

func (s connState) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("connState(%d)", int(s))
}

type request struct {
	op    string
	reply chan error
}

type conn struct {
	state connState
	reqs  chan request
}

func (c *conn) loop() {
	for req := range c.reqs {
		switch c.state {
		case stateIdle:
			if req.op == "open" {
				c.state = stateActive
			}
			req.reply <- nil
		case stateActive:
			switch req.op {
			case "drain":
				c.state = stateDraining
			case "close":
				c.state = stateClosed
			}
			req.reply <- nil
		case stateClosed:
			req.reply <- fmt.Errorf("conn is %v", c.state)
			// BUG: no case for stateDraining, and no default
		}
	}
}

func (c *conn) do(op string) error {
	r := request{op: op, reply: make(chan error)}
	c.reqs <- r
	return <-r.reply
}

func main() {
	c := &conn{reqs: make(chan request)}
	go c.loop()
	for _, op := range []string{"open", "drain", "close"} {
		err := c.do(op)
		fmt.Printf("%s -> %v (state %v, %d)\n", op, err, c.state, c.state)
	}
}
