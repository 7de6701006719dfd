// Corpus: an event loop whose quit case says `break`, which leaves only the select, not the
// for loop around it (the shape of many "goroutine never exits after close(done)" reports,
// staticcheck SA4011). Once done is closed every round takes the quit case again, so the loop
// spins forever and Stop's wg.Wait never returns: go run never ends.
// gomc:expect hang
package main

import (
	"fmt"
	"strings"
	"sync"
)

type event struct {
	kind    string
	payload string
}

type Loop struct {
	events chan event
	done   chan struct{}
	wg     sync.WaitGroup
	seen   []string
}

func NewLoop() *Loop {
	l := &Loop{events: make(chan event), done: make(chan struct{})}
	l.wg.Add(1)
	go l.run()
	return l
}

func (l *Loop) run() {
	defer l.wg.Done()
	for {
		select {
		case ev := <-l.events:
			switch ev.kind {
			case "msg":
				l.seen = append(l.seen, strings.ToUpper(ev.payload))
			case "noop":
			default:
				fmt.Println("unknown event", ev.kind)
			}
		case <-l.done:
			fmt.Println("loop: stopping")
			break // BUG: breaks out of the select only
		}
	}
}

func (l *Loop) Stop() {
	close(l.done)
	l.wg.Wait()
}

func main() {
	l := NewLoop()
	l.events <- event{"msg", "hello"}
	l.events <- event{"noop", ""}
	l.Stop()
	fmt.Println(strings.Join(l.seen, ","))
}
