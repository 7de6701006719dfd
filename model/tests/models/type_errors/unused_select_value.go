package main

import "time"

func main() {
	results := make(chan int)
	go func() { results <- 42 }()
	select {
	case r := <-results:
		println("done")
	case <-time.After(time.Second):
		println("timeout")
	}
}
// go build: 9:7: r declared but not used
