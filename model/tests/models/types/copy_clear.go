package main

import (
	"fmt"
	"sync"
)

func main() {
	src := []int{1, 2, 3}
	dst := make([]int, 2)
	n := copy(dst, src)
	buf := make([]byte, 3)
	m := copy(buf, "hey")
	s := []int{1, 2, 3, 4}
	copy(s[1:], s)
	seen := map[string]bool{"a": true, "b": true}
	clear(seen)
	z := []int{5, 6}
	clear(z)
	fmt.Println(n, dst, m, buf, s, len(seen), z)
	var mu sync.Mutex
	shared := make([]int, 2)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			copy(shared[i:], []int{i + 1})
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(shared)
}
