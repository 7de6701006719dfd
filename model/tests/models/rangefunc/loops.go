package main

import (
	"fmt"
	"maps"
	"slices"
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

func Pairs(s []string) func(yield func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func find(s []string, want string) (int, bool) {
	for i, v := range Pairs(s) {
		if v == want {
			return i, true
		}
	}
	return -1, false
}

func firstOver(limit int) (n int) {
	for i := range Count(10) {
		for j := range Count(3) {
			if i*j > limit {
				n = i*10 + j
				return
			}
		}
	}
	return -1
}

func main() {
	sum := 0
	for i := range Count(10) {
		if i == 2 {
			continue
		}
		if i == 6 {
			break
		}
		sum += i
	}
	fmt.Println("sum", sum)
	fmt.Println(find([]string{"a", "b", "c"}, "b"))
	fmt.Println(find([]string{"a", "b", "c"}, "z"))
	fmt.Println(firstOver(5))
	m := map[string]int{"x": 1, "y": 2}
	total := 0
	for k := range maps.Keys(m) {
		total += m[k]
	}
	fmt.Println("total", total)
	for range Count(2) {
		fmt.Println("tick")
	}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
outer:
	for i := range Count(3) {
		switch i {
		case 1:
			continue outer
		case 2:
			break outer
		}
		fmt.Println("i", i)
	}
}
