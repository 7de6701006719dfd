package main

// Generic types declared inside a function: a result type for a channel of worker results and
// a pair (compared with go run).

import (
	"fmt"
	"sync"
)

func main() {
	type result[T any] struct {
		val T
		err error
	}
	type pair[K comparable, V any] struct {
		k K
		v V
	}
	results := make(chan result[int], 2)
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results <- result[int]{val: i * 10}
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r.val
	}
	p := pair[string, int]{"sum", sum}
	fmt.Println(p.k, p.v)
	fmt.Printf("%v %T\n", p, p)
}
