// Corpus: an idle-connection reaper. Each connection arms a time.AfterFunc that closes it
// under the connection's mutex. Close holds the same mutex and, when Stop says the callback
// already started, waits for the callback to finish. When the timer fires while Close is
// flushing under the lock, the callback blocks on the mutex Close holds and Close waits for
// the callback: all goroutines are asleep. (Stop does not wait for a running callback; the
// fix is to release the lock before waiting.) The 1ms timer and the 5ms flush make go run
// show it every time.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
	"time"
)

type Conn struct {
	mu       sync.Mutex
	closed   bool
	idle     *time.Timer
	idleDone chan struct{}
}

func NewConn(timeout time.Duration) *Conn {
	c := &Conn{idleDone: make(chan struct{})}
	c.idle = time.AfterFunc(timeout, c.reap)
	return c
}

func (c *Conn) reap() {
	defer close(c.idleDone)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.closed {
		c.closed = true
		fmt.Println("reaped idle connection")
	}
}

// flush writes what is buffered; on a slow peer it takes a while.
func (c *Conn) flush() { time.Sleep(5 * time.Millisecond) }

func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.flush()
	if !c.idle.Stop() {
		<-c.idleDone // BUG: reap needs c.mu to finish
	}
	if c.closed {
		return fmt.Errorf("close: already closed")
	}
	c.closed = true
	return nil
}

func main() {
	c := NewConn(time.Millisecond)
	if err := c.Close(); err != nil {
		fmt.Println(err)
	}
}
