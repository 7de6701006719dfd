package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done
	}()
	wg.Wait()
}
// go build: 9:11: expression in defer must be function call
