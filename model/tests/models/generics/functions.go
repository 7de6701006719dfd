// Generic functions: inferred and explicit type arguments, a constraint with a type set, a
// variadic type parameter, and goroutines inside an instance. Expected output: `go run` (Go
// 1.19).
package main

import (
	"fmt"
	"sync"
)

type Number interface {
	~int | ~int64
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Sum[N Number](xs ...N) N {
	var total N
	for _, x := range xs {
		total += x
	}
	return total
}

func Keys[K comparable, V any](m map[K]V) []K {
	var keys []K
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// ParallelMap runs f on every element in its own goroutine.
func ParallelMap[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func(i int, x T) {
			defer wg.Done()
			out[i] = f(x)
		}(i, x)
	}
	wg.Wait()
	return out
}

func Max[T int | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	strs := Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * 10) })
	fmt.Println(strs, Sum(1, 2, 3), Sum[int64](4, 5), len(Keys(map[string]int{"a": 1})))
	fmt.Println(ParallelMap([]string{"a", "bb"}, func(s string) int { return len(s) }))
	fmt.Println(Max(3, 7), Max("x", "y"))
}
