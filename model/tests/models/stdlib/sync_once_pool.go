// sync.OnceFunc, OnceValue, OnceValues (Go 1.21) and sync.Pool. Debian's Go 1.19 has none of
// the Once functions; the expected output follows their documentation (sync/oncefunc.go).
package main

import (
	"fmt"
	"sync"
)

type config struct{ workers int }

func main() {
	loads := 0
	load := sync.OnceValue(func() *config {
		loads++
		return &config{workers: 4}
	})
	pair := sync.OnceValues(func() (int, error) { return 7, nil })
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = load().workers
		}()
	}
	wg.Wait()
	n, err := pair()
	fmt.Println(load().workers, loads, n, err)
	var pool sync.Pool
	pool.New = func() any { return new(config) }
	c := pool.Get().(*config)
	c.workers = 9
	pool.Put(c)
	again := pool.Get().(*config)
	fmt.Println(again.workers == 9 || again.workers == 0)
	boom := sync.OnceFunc(func() { panic("boom") })
	defer func() { fmt.Println("recovered:", recover()) }()
	boom()
}
