// Corpus: workers recover a panicking job and report it on the errs channel, but wg.Done
// is called only on the success path of the deferred function: after a recovered panic the
// WaitGroup never reaches zero and main waits forever (go run: all goroutines are asleep).
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

type job struct {
	id    int
	input []int
}

func process(j job) int {
	return j.input[0] * 2 // panics on an empty input
}

func main() {
	jobs := []job{{1, []int{4}}, {2, nil}}
	errs := make(chan error, len(jobs))
	results := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j job) {
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Errorf("job %d: %v", j.id, r)
					return // BUG: skips wg.Done
				}
				wg.Done()
			}()
			results <- process(j)
		}(j)
	}
	wg.Wait()
	close(errs)
	close(results)
	for err := range errs {
		fmt.Println(err)
	}
	for r := range results {
		fmt.Println(r)
	}
}
