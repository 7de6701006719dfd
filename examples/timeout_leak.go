// A request with a timeout. If the timer fires first, nobody ever receives the worker's
// result, and the worker blocks forever on its send: a goroutine leak.
//
// gomc:expect leak
package main

import "time"

func fetch() int { return 42 }

func main() {
	result := make(chan int)
	go func() {
		result <- fetch()
	}()
	select {
	case v := <-result:
		println("got", v)
	case <-time.After(time.Second):
		println("timed out")
	}
}
