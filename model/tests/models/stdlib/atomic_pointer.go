// atomic.Pointer[T] (stdlib/atomic_value.go, a generic type of the library): a
// compare-and-swap from another goroutine. Expected output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ version int }

func main() {
	var current atomic.Pointer[config]
	current.Store(&config{1})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		old := current.Load()
		current.CompareAndSwap(old, &config{old.version + 1})
	}()
	wg.Wait()
	fmt.Println(current.Load().version, current.Swap(nil).version, current.Load() == nil)
}
