// Corpus: a request races a result against a timer; the handler's goroutine is left blocked
// on its unbuffered result channel whenever the timer wins.
// gomc:expect leak
package main

import (
	"fmt"
	"time"
)

type Response struct{ Body string }

type Backend interface{ Call() Response }

type slow struct{}

func (slow) Call() Response { return Response{"ok"} }

func handle(b Backend) string {
	out := make(chan Response)
	go func() { out <- b.Call() }()
	select {
	case r := <-out:
		return r.Body
	case <-time.After(100 * time.Millisecond):
		return "timeout"
	}
}

func main() {
	fmt.Println(handle(slow{}))
}
