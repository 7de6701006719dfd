package main

// Slices of array variables share their elements, as in Go (compared with go run).

import (
	"fmt"
	"sort"
	"sync"
)

var table [4]int

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func main() {
	var buf [4]int
	s := buf[:]
	s[0] = 7
	fmt.Println(buf, len(s), cap(s))
	fill(buf[1:3], 5)
	fmt.Println(buf)
	buf[3] = 9
	fmt.Println(s)
	p := &buf
	q := p[2:]
	q[0] = 1
	fmt.Println(buf, len(q), cap(q))
	t := append(buf[:1], 42)
	fmt.Println(buf, t)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			table[:][i] = i + 10
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(table)
	nums := [5]int{5, 3, 4, 1, 2}
	sort.Ints(nums[:])
	fmt.Println(nums)
	e := &nums[:][1]
	*e = 100
	fmt.Println(nums)
}
