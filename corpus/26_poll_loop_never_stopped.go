// Corpus: a poller loops on a timer until its quit channel closes; the owner returns without
// closing it, so the poller is left running forever, in the style of ticker loops that are
// never stopped: gomc's `hang` (see the README's Outcomes), since the goroutine never blocks
// for good and the program can never finish.
// gomc:expect hang
package main

import "time"

type Poller struct {
	quit chan struct{}
	last bool
}

func (p *Poller) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-time.After(time.Second):
			p.last = !p.last
		}
	}
}

func main() {
	p := &Poller{quit: make(chan struct{})}
	go p.loop()
	time.Sleep(time.Millisecond)
}
