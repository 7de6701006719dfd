package main

import "sync"

type Number interface {
	~int | ~int64 | ~float64
}

func SumAll[T Number](parts [][]T) T {
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		total T
	)
	for _, part := range parts {
		wg.Add(1)
		go func(p []T) {
			defer wg.Done()
			for _, v := range p {
				mu.Lock()
				total += v
				mu.Unlock()
			}
		}(part)
	}
	wg.Wait()
	return total
}

func main() {
	println(SumAll([][]string{{"a"}, {"b"}}))
}
// go build: 31:16: string does not implement Number (string missing in ~int | ~int64 | ~float64)
