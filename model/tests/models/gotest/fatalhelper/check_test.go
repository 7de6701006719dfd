// A t.Helper that calls t.Fatalf, called from goroutines (model/tests/gotest.rs). `go test
// -timeout 10s` (Go 1.23) fails TestSquaresInGoroutines ("got 4, want 5") and hangs in
// TestSquaresNoDefer until the timeout: gomc says fail and deadlock.
package fatalhelper

import (
	"sync"
	"testing"
)

func mustEqual(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Fatalf("got %d, want %d", got, want)
	}
}

// The helper's t.Fatalf runs on a worker goroutine: vet warns, and at run time
// FailNow ends only that goroutine; the deferred Done still runs.
func TestSquaresInGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			want := n * n
			if n == 2 {
				want = 5 // a wrong expectation
			}
			mustEqual(t, Square(n), want)
		}(i)
	}
	wg.Wait()
}

// Without the defer, the failing worker never calls Done and Wait blocks forever.
func TestSquaresNoDefer(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		mustEqual(t, Square(3), 10)
		wg.Done()
	}()
	go func() {
		mustEqual(t, Square(2), 4)
		wg.Done()
	}()
	wg.Wait()
}
