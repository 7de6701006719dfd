// Corpus: the loop of 50 under Go 1.22's rules: each iteration has its own i, so every
// goroutine writes its own element. No violation.
// gomc:go 1.22
// gomc:expect none
package main

import (
	"fmt"
	"sync"
)

func main() {
	hosts := []string{"a.example", "b.example"}
	status := make([]string, len(hosts))
	var wg sync.WaitGroup
	for i := 0; i < len(hosts); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status[i] = "up:" + hosts[i]
		}()
	}
	wg.Wait()
	fmt.Println(status)
}
