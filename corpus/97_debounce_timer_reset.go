// Corpus: a debouncer's event loop: every event restarts one timer with the stop-and-drain
// idiom, written non-blocking (`select { case <-t.C: default: }`) so it cannot hang when the
// loop has already received the value; the timer's firing flushes the batch. Labeled break
// leaves the loop when the input closes. No violation (go run prints the batches, events in
// order).
// gomc:expect none
package main

import (
	"fmt"
	"strings"
	"time"
)

func debounce(in <-chan string, out chan<- string, d time.Duration) {
	defer close(out)
	t := time.NewTimer(d)
	if !t.Stop() {
		<-t.C
	}
	var batch []string
loop:
	for {
		select {
		case ev, ok := <-in:
			if !ok {
				break loop
			}
			batch = append(batch, ev)
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
			t.Reset(d)
		case <-t.C:
			if len(batch) == 0 {
				continue loop
			}
			out <- strings.Join(batch, "+")
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		out <- strings.Join(batch, "+")
	}
}

func main() {
	in := make(chan string)
	out := make(chan string, 4)
	go debounce(in, out, 10*time.Millisecond)
	for _, ev := range []string{"a", "b", "c"} {
		in <- ev
	}
	close(in)
	n := 0
	for b := range out {
		n += len(strings.Split(b, "+"))
	}
	fmt.Println("events", n)
}
