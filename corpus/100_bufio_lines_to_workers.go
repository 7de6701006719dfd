// Corpus: lines read with bufio.Scanner from a strings.Reader fan out over an unbuffered
// channel to two workers that count them per first letter under a mutex; the reader closes the
// channel after the last line and waits for the workers. No violation: go run prints 3.
// gomc:expect none
package main

import (
	"bufio"
	"fmt"
	"strings"
	"sync"
)

func main() {
	input := "alpha\nbeta\ngamma\n"
	sc := bufio.NewScanner(strings.NewReader(input))
	lines := make(chan string)
	counts := make(map[string]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range lines {
				mu.Lock()
				counts[strings.ToUpper(l[:1])]++
				mu.Unlock()
			}
		}()
	}
	for sc.Scan() {
		lines <- sc.Text()
	}
	close(lines)
	wg.Wait()
	fmt.Println(len(counts))
}
