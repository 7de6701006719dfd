// Corpus: the fix of 41_generic_merge_leak.go: Merge takes a done channel that the consumer
// closes when it stops, and every forwarder selects on it.
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

func Merge[T any](done <-chan struct{}, inputs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func(in <-chan T) {
			defer wg.Done()
			for v := range in {
				select {
				case out <- v:
				case <-done:
					return
				}
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
	done := make(chan struct{})
	merged := Merge(done, produce("a"), produce("b"))
	fmt.Println("first:", <-merged)
	close(done)
	for range merged {
	}
}
