// Corpus: a counter owned by one goroutine, queried through a channel of reply channels
// (chan chan int) and stopped through a quit channel; the loop leaves its for-select with a
// labelled break. The shutdown path stops the owner and then asks it for the final count to
// log it: nobody receives the request any more, and main blocks on the send: all goroutines
// are asleep (go run shows it every time).
// gomc:expect deadlock
package main

import "fmt"

type Counter struct {
	incs    chan int
	queries chan chan int
	quit    chan struct{}
	stopped chan struct{}
}

func NewCounter() *Counter {
	c := &Counter{
		incs:    make(chan int),
		queries: make(chan chan int),
		quit:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go c.loop()
	return c
}

func (c *Counter) loop() {
	defer close(c.stopped)
	n := 0
loop:
	for {
		select {
		case d := <-c.incs:
			n += d
		case reply := <-c.queries:
			reply <- n
		case <-c.quit:
			break loop
		}
	}
	fmt.Println("counter stopped at", n)
}

func (c *Counter) Add(d int) { c.incs <- d }

func (c *Counter) Value() int {
	reply := make(chan int)
	c.queries <- reply
	return <-reply
}

func (c *Counter) Stop() {
	close(c.quit)
	<-c.stopped
}

func main() {
	c := NewCounter()
	c.Add(2)
	c.Add(3)
	fmt.Println("value:", c.Value())
	c.Stop()
	fmt.Println("final:", c.Value()) // BUG: the loop has exited
}
