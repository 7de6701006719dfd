package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ limit int }

func main() {
	var current atomic.Value
	current.Store(config{limit: 1})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		current.Store(config{limit: 2})
	}()
	seen := 0
	go func() {
		defer wg.Done()
		seen = current.Load().(config).limit
	}()
	wg.Wait()
	old := current.Swap(config{limit: 3}).(config)
	fmt.Println(seen >= 1, old.limit, current.CompareAndSwap(config{limit: 3}, config{limit: 4}), current.Load().(config).limit)
	var n atomic.Int64
	n.Add(2)
	fmt.Println(n.Load())
}
