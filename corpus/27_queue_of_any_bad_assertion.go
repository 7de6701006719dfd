// Corpus: a work queue of `any` items; the consumer asserts every item is a string, and one
// producer enqueues an int: Go panics with an interface conversion error.
// gomc:expect panic
package main

import (
	"fmt"
	"sync"
)

func main() {
	queue := make(chan any, 2)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); queue <- "job-a" }()
	go func() { defer wg.Done(); queue <- 7 }()
	wg.Wait()
	close(queue)
	for item := range queue {
		name := item.(string)
		fmt.Println(name)
	}
}
