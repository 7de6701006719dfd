// Corpus: a generic fan-in (the Merge helper many services copy) whose consumer takes the
// first value and returns; the forwarding goroutines stay blocked sending the rest.
// gomc:expect leak
package main

import (
	"fmt"
	"sync"
)

func Merge[T any](inputs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func(in <-chan T) {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}(in)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func produce[T any](values ...T) <-chan T {
	ch := make(chan T, len(values))
	for _, v := range values {
		ch <- v
	}
	close(ch)
	return ch
}

func main() {
	first := <-Merge(produce("a"), produce("b"))
	fmt.Println("first:", first)
}
