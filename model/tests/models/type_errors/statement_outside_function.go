package main

import "sync"

var wg sync.WaitGroup

// A goroutine started where only declarations may stand (meant to be inside an init).
wg.Add(1)

func main() {
	wg.Wait()
}
// go build: 8:1: syntax error: non-declaration statement outside function body
