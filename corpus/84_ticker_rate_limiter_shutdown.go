// Corpus: a rate limiter serving requests of an interface type (a type switch over Get and
// Post) at most one per tick of a time.Ticker, stopped by a deferred Stop when the quit
// channel closes; requests are submitted through a method value. No violation: Shutdown
// closes quit and waits for the loop, whatever the ticks did (go run prints "true true").
// gomc:expect none
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type Request interface{ Key() string }

type Get struct{ Path string }
type Post struct {
	Path string
	Body []byte
}

func (g Get) Key() string  { return "GET " + g.Path }
func (p Post) Key() string { return "POST " + p.Path }

type Limiter struct {
	tick   *time.Ticker
	reqs   chan Request
	quit   chan struct{}
	wg     sync.WaitGroup
	mu     sync.Mutex
	served []string
}

func NewLimiter(every time.Duration) *Limiter {
	l := &Limiter{tick: time.NewTicker(every), reqs: make(chan Request, 4), quit: make(chan struct{})}
	l.wg.Add(1)
	go l.loop()
	return l
}

func (l *Limiter) loop() {
	defer l.wg.Done()
	defer l.tick.Stop()
	for {
		select {
		case <-l.quit:
			return
		case <-l.tick.C:
			select {
			case r := <-l.reqs:
				l.handle(r)
			default:
			}
		}
	}
}

func (l *Limiter) handle(r Request) {
	var desc string
	switch r := r.(type) {
	case Get:
		desc = r.Key()
	case Post:
		desc = fmt.Sprintf("%s (%d bytes)", r.Key(), len(r.Body))
	default:
		desc = fmt.Sprintf("unknown %T", r)
	}
	l.mu.Lock()
	l.served = append(l.served, desc)
	l.mu.Unlock()
}

func (l *Limiter) Submit(r Request) { l.reqs <- r }

func (l *Limiter) Shutdown() []string {
	close(l.quit)
	l.wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.served
}

func main() {
	l := NewLimiter(5 * time.Millisecond)
	submit := l.Submit
	submit(Get{"/a"})
	submit(Post{"/b", []byte("hello")})
	time.Sleep(30 * time.Millisecond)
	served := l.Shutdown()
	fmt.Println(len(served) <= 2, strings.Join(served, "; ") != "x")
}
