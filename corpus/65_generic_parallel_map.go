// Corpus: a generic bounded parallel map: a semaphore channel caps the goroutines in flight,
// each writes its own element of a results slice, and a WaitGroup waits for all of them
// before the slice is read. Correct: every order of the workers gives the same slice.
// gomc:expect none
package main

import (
	"fmt"
	"strings"
	"sync"
)

func ParallelMap[T, R any](in []T, limit int, f func(T) R) []R {
	out := make([]R, len(in))
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, v := range in {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, v T) {
			defer func() {
				<-sem
				wg.Done()
			}()
			out[i] = f(v)
		}(i, v)
	}
	wg.Wait()
	return out
}

func main() {
	words := []string{"go", "model", "check"}
	upper := ParallelMap(words, 2, strings.ToUpper)
	lengths := ParallelMap(words, 2, func(s string) int { return len(s) })
	fmt.Println(upper, lengths)
}
