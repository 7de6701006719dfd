// Corpus: the fix of 27: the consumer switches on the item's type.
// gomc:expect none
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
		switch v := item.(type) {
		case string:
			fmt.Println("name", v)
		case int:
			fmt.Println("id", v)
		}
	}
}
