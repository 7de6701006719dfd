// signal.Notify on an unbuffered channel (go vet: "misuse of unbuffered os.Signal channel as
// argument to signal.Notify"): the signal is sent without blocking, so if it arrives before
// the goroutine waits on the channel it is dropped and main waits for good. Go hangs there
// (its signal watcher waits for the next signal); gomc reports the state every goroutine is
// blocked in. With buffered set, the signal is kept until it is received.
package main

import (
	"fmt"
	"os"
	"os/signal"
)

var buffered = false

func main() {
	size := 0
	if buffered {
		size = 1
	}
	sigs := make(chan os.Signal, size)
	signal.Notify(sigs, os.Interrupt)
	done := make(chan bool)
	go func() {
		sig := <-sigs
		fmt.Println("got", sig)
		done <- true
	}()
	<-done
}
