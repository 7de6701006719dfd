// Corpus: goroutines started in a three-clause for loop read the loop variable. Under Go
// 1.21's rules (this module's go line) there is one i for the whole loop, so a goroutine can
// run after the loop has finished and index past the end of the slice.
// gomc:go 1.21
// gomc:expect panic
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
