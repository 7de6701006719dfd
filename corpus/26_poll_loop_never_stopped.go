// Corpus: a poller loops on a timer until its quit channel closes; the owner returns without
// closing it, so the poller is left running (a goroutine leak, in the style of ticker loops
// that are never stopped).
// gomc:expect leak
package main

import "time"

type Poller struct {
	quit  chan struct{}
	polls int
}

func (p *Poller) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-time.After(time.Second):
			p.polls++
		}
	}
}

func main() {
	p := &Poller{quit: make(chan struct{})}
	go p.loop()
	time.Sleep(time.Millisecond)
}
