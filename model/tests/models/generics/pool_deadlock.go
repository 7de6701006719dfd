// A generic worker pool whose results channel is unbuffered and read only after every worker
// is waited for: with more than one job, the workers block on their send and Wait never
// returns. go run: "fatal error: all goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"sync"
)

func Process[In, Out any](jobs []In, work func(In) Out) []Out {
	results := make(chan Out)
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func(job In) {
			defer wg.Done()
			results <- work(job)
		}(job)
	}
	wg.Wait()
	close(results)
	var out []Out
	for r := range results {
		out = append(out, r)
	}
	return out
}

func main() {
	fmt.Println(Process([]int{1, 2}, func(n int) string { return fmt.Sprint(n) }))
}
