package main

import (
	"sync"
	"sync/atomic"
)

func main() {
	var served int64
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(served, 1)
		}()
	}
	wg.Wait()
	println(atomic.LoadInt64(&served))
}
// go build: 15:20: cannot use served (variable of type int64) as type *int64 in argument to atomic.AddInt64
