// Corpus: 14 without the closer: ranging over the results never ends once the producers are
// done.
// gomc:expect deadlock
package main

import (
	"fmt"
	"sync"
)

func main() {
	type result struct{ value int }
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results <- result{value: w}
		}(w)
	}
	total := 0
	for r := range results {
		total += r.value
	}
	wg.Wait()
	fmt.Println(total)
}
