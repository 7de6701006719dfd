// Corpus: a request/response correlator keeps a map from request id to the channels waiting
// for its reply. The reader delivers replies while holding the lock; a caller that times out
// removes its waiter, which needs the same lock, while the reader is blocked sending to that
// very caller: both wait for each other (the shape of RPC client hangs in several projects).
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type reply struct {
	ID   uint64
	Body string
	Err  error
}

type Client struct {
	mu      sync.Mutex
	pending map[uint64][]chan reply
}

var ErrTimeout = errors.New("rpc: timeout")

func (c *Client) register(id uint64) chan reply {
	ch := make(chan reply)
	c.mu.Lock()
	c.pending[id] = append(c.pending[id], ch)
	c.mu.Unlock()
	return ch
}

func (c *Client) forget(id uint64, ch chan reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	waiters := c.pending[id]
	for i, w := range waiters {
		if w == ch {
			c.pending[id] = append(waiters[:i], waiters[i+1:]...)
			break
		}
	}
	if len(c.pending[id]) == 0 {
		delete(c.pending, id)
	}
}

func (c *Client) deliver(r reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range c.pending[r.ID] {
		ch <- r
	}
	delete(c.pending, r.ID)
}

func (c *Client) Call(id uint64, timeout time.Duration) (string, error) {
	ch := c.register(id)
	select {
	case r := <-ch:
		return r.Body, r.Err
	case <-time.After(timeout):
		c.forget(id, ch)
		return "", fmt.Errorf("call %d: %w", id, ErrTimeout)
	}
}

func main() {
	c := &Client{pending: make(map[uint64][]chan reply)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		body, err := c.Call(7, time.Second)
		fmt.Println(body, err)
	}()
	time.Sleep(time.Millisecond)
	c.deliver(reply{ID: 7, Body: "pong"})
	<-done
}
