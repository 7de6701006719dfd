package main

import (
	"fmt"
	"sync"
)

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pair() (int, int) {
	for i := range Count(3) {
		for j := range Count(3) {
			if i+j == 3 {
				return i, j
			}
		}
	}
	return -1, -1
}

func main() {
	fmt.Println(pair())
	ch := make(chan int, 1)
	got := 0
	for i := range Count(4) {
		select {
		case ch <- i:
			if i == 0 {
				break
			}
			continue
		default:
		}
		got += <-ch
	}
	fmt.Println("got", got)
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := range Count(3) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
	var x int
	for x = range Count(5) {
	}
	fmt.Println("x", x)
}
