package main

import "sync"

// A retry budget computed as a fraction: an int cannot hold 2.5.
func main() {
	var wg sync.WaitGroup
	var retries int = 2.5
	for i := 0; i < retries; i++ {
		wg.Add(1)
		go wg.Done()
	}
	wg.Wait()
}
// go build: 8:20: cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)
