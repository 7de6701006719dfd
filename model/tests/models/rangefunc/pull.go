// iter.Pull and Pull2 (stdlib/iter.go: the coroutine as a goroutine and channel handoffs):
// two iterators pulled in step, next after stop, and an iterator that holds a mutex until it
// is stopped. Expected output and deadlock: go run, Go 1.23.5.
package main

import (
	"fmt"
	"iter"
	"sync"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		_ = yield("a", 1) && yield("b", 2)
	}
}

// zip pulls from two iterators in step.
func zip(a, b iter.Seq[int]) []int {
	nextA, stopA := iter.Pull(a)
	defer stopA()
	nextB, stopB := iter.Pull(b)
	defer stopB()
	var out []int
	for {
		x, ok1 := nextA()
		y, ok2 := nextB()
		if !ok1 || !ok2 {
			return out
		}
		out = append(out, x*10+y)
	}
}

func main() {
	fmt.Println(zip(count(3), count(2)))
	next, stop := iter.Pull2(pairs())
	k, v, ok := next()
	fmt.Println(k, v, ok)
	stop()
	k, v, ok = next()
	fmt.Println(k, v, ok)

	var mu sync.Mutex
	locked := func(yield func(int) bool) {
		mu.Lock()
		defer mu.Unlock()
		yield(1)
	}
	n, stopL := iter.Pull(iter.Seq[int](locked))
	x, _ := n()
	fmt.Println("got", x)
	mu.Lock() // the iterator holds mu until it is stopped: deadlock
	stopL()
}
