package main

import (
	"errors"
	"sync"
)

func fetch(id int) error {
	if id%2 == 0 {
		return errors.New("odd")
	}
	return nil
}

// The error is stored but never looked at: only assigned, so never used.
func main() {
	var wg sync.WaitGroup
	var firstErr error
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			firstErr = fetch(i)
		}(i)
	}
	wg.Wait()
}
// go build: 18:6: firstErr declared but not used
