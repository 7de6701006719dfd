package main

// Generic functions as values: instantiated explicitly, passed to a generic Map and to a
// function running work in goroutines (compared with go run).

import (
	"fmt"
	"strconv"
	"sync"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Double[T int | float64](x T) T { return x * 2 }

func Pair[K comparable, V any](k K, v V) string { return fmt.Sprint(k, "=", v) }

func parallel[T any](xs []T, work func(T)) {
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func(x T) {
			defer wg.Done()
			work(x)
		}(x)
	}
	wg.Wait()
}

func main() {
	d := Double[int]
	fmt.Println(d(21), Map([]int{1, 2}, Double[int]))
	var f func(float64) float64 = Double[float64]
	fmt.Println(f(1.25))
	p := Pair[string, int]
	fmt.Println(p("a", 1), Map([]int{3, 4}, strconv.Itoa))
	var mu sync.Mutex
	total := 0
	parallel([]int{1, 2, 3}, func(x int) {
		mu.Lock()
		total += Double(x)
		mu.Unlock()
	})
	fmt.Println(total)
}
