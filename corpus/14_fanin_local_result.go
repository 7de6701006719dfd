// Corpus: fan-in of results typed by a local struct; a closer goroutine closes the channel
// once every producer is done. No violation.
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

func main() {
	type result struct {
		worker int
		value  int
	}
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results <- result{worker: w, value: w * w}
		}(w)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r.value
	}
	fmt.Println(total)
}
