// t.Errorf from goroutines joined by a sync.WaitGroup (model/tests/gotest.rs). `go test -race
// -count=5` (Go 1.23) passes TestIncConcurrent and fails TestIncOrderAssumed ("goroutine 2 saw
// 1"); gomc finds the failing interleaving.
package wgerr

import (
	"sync"
	"testing"
)

func TestIncConcurrent(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "a"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc(k)
			if c.Get(k) == 0 {
				t.Errorf("Get(%q) = 0 after Inc", k)
			}
		}()
	}
	wg.Wait()
	if got := c.Get("a"); got != 2 {
		t.Errorf("a = %d, want 2", got)
	}
}

// The check inside the goroutines expects a value only the last goroutine sees.
func TestIncOrderAssumed(t *testing.T) {
	var c Counter
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
			if got := c.Get("k"); got != i {
				t.Errorf("goroutine %d saw %d", i, got)
			}
		}()
	}
	wg.Wait()
}
