package main

import "sync"

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	mu.Lock()
	cond.Wait(&mu)
	mu.Unlock()
}
// go build: 9:12: too many arguments in call to cond.Wait
// go build: have (*sync.Mutex)
// go build: want ()
