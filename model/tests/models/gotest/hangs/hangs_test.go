// Tests in the style of real hanging tests, for `gomc test` (model/tests/gotest.rs). Each
// comment says what Go does with it and what gomc must report.
package hangs

import (
	"context"
	"sync"
	"testing"
	"time"
)

// A parallel subtest waits for something its parent does after t.Run returns: t.Parallel
// pauses the subtest until the parent's function returns, and the parent waits for the
// subtest. `go test` hangs until its -timeout; gomc: deadlock.
func TestParallelSubtestWaitsForParent(t *testing.T) {
	ready := make(chan bool)
	t.Run("child", func(t *testing.T) {
		t.Parallel()
		ready <- true
	})
	<-ready
}

// A cleanup blocks on a worker that only stops when the test's context is canceled, but the
// context is canceled just before cleanups run, so it stops: passes in every interleaving.
func TestCleanupWaitsForContextWorker(t *testing.T) {
	ctx := t.Context()
	stopped := make(chan bool)
	go func() {
		<-ctx.Done()
		stopped <- true
	}()
	t.Cleanup(func() { <-stopped })
}

// The same cleanup without the context: it waits for a worker nothing stops. gomc: deadlock.
func TestCleanupBlocksForever(t *testing.T) {
	stopped := make(chan bool)
	go func() {
		time.Sleep(time.Millisecond)
	}()
	t.Cleanup(func() { <-stopped })
}

// t.Fatal from a goroutine the test started ends only that goroutine (runtime.Goexit), so the
// test waits forever for a result that never comes. gomc: deadlock.
func TestFatalFromNonTestGoroutine(t *testing.T) {
	result := make(chan int)
	go func() {
		if err := context.Canceled; err != nil {
			t.Fatal("worker failed:", err)
		}
		result <- 1
	}()
	<-result
}

// A worker pool with a mutex-protected counter: passes in every interleaving.
func TestWorkersCount(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if n != 3 {
		t.Errorf("n = %d, want 3", n)
	}
}

// A result checked before the worker is known to have written it: fails in the interleavings
// where the check comes first. gomc: fail.
func TestCheckBeforeWorkerIsDone(t *testing.T) {
	var mu sync.Mutex
	done := false
	go func() {
		mu.Lock()
		done = true
		mu.Unlock()
	}()
	mu.Lock()
	defer mu.Unlock()
	if !done {
		t.Errorf("worker not done yet")
	}
}
