// A loop that counts the ticks of a ticker until it is stopped. Under the untimed clock any
// number of ticks may come before Stop, so the count, and the state space, have no bound: the
// search goes deeper and deeper with a dozen states per level (the report's hints say so).
// Under `--clock synctest` the ticks come in deadline order and the space is finite. Used by
// the README: Performance ("Threads": a narrow frontier) and Using it (the hints).
package main

import (
	"fmt"
	"sync"
	"time"
)

type State int

const (
	Idle State = iota
	Running
	Stopped
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Ticker interface {
	Tick() <-chan time.Time
	Stop()
}

type realTicker struct{ t *time.Ticker }

func (r realTicker) Tick() <-chan time.Time { return r.t.C }
func (r realTicker) Stop()                  { r.t.Stop() }

type Loop struct {
	mu    sync.Mutex
	state State
	stop  chan struct{}
	done  chan struct{}
	tk    Ticker
	count int
}

func (l *Loop) run() {
	defer close(l.done)
	for {
		select {
		case <-l.stop:
			return
		case <-l.tk.Tick():
			l.mu.Lock()
			l.count++
			l.mu.Unlock()
		}
	}
}

func (l *Loop) Stop() {
	l.mu.Lock()
	if l.state != Running {
		l.mu.Unlock()
		return
	}
	l.state = Stopped
	l.mu.Unlock()
	close(l.stop)
	<-l.done
}

func main() {
	l := &Loop{stop: make(chan struct{}), done: make(chan struct{}), tk: realTicker{time.NewTicker(time.Millisecond)}}
	l.state = Running
	go l.run()
	time.Sleep(2 * time.Millisecond)
	l.Stop()
	l.tk.Stop()
	fmt.Println(l.state, l.count >= 0)
}
