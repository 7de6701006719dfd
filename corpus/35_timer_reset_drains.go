// Corpus: a debouncer resets its timer on every event and flushes when it fires; with Go
// 1.23's timers a Reset leaves no stale value, so the flush happens once per quiet period and
// the program ends. No violation.
// gomc:expect none
package main

import (
	"fmt"
	"time"
)

type debouncer struct {
	t       *time.Timer
	flushes int
}

func (d *debouncer) event() {
	d.t.Reset(50 * time.Millisecond)
}

func main() {
	d := &debouncer{t: time.NewTimer(time.Hour)}
	d.t.Stop()
	events := make(chan bool)
	go func() {
		events <- true
		events <- true
		close(events)
	}()
	for range events {
		d.event()
	}
	<-d.t.C
	d.flushes++
	fmt.Println("flushes", d.flushes)
}
