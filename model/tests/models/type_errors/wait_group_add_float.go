package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(2.5)
	go wg.Done()
	wg.Wait()
}
// go build: 7:9: cannot use 2.5 (untyped float constant) as int value in argument to wg.Add (truncated)
