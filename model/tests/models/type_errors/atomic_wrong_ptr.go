package main

import "sync/atomic"

func main() {
	var n int
	atomic.AddInt64(&n, 1)
}
// go build: 7:18: cannot use &n (value of type *int) as type *int64 in argument to atomic.AddInt64
