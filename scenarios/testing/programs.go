// Test programs run by the testing-package models against each runner design
// (runner_restored.go, runner_cl506755.go, runner_pr80562.go). Each is a test function as a
// user writes it, with the model's assertions where the property needs one (the README's Bundled models).
//
// gomc:library
package main

import "sync"

// TestParentRun (#64402): a subtest calls Run on its parent's T. Upstream's regression test,
// golang/go 26b1694d9ad0 src/testing/testing_test.go:L804-L814.
func TestParentRun(t *T) {
	t.Run("outer", func(t2 *T) {
		t.Run("not_inner", func(t3 *T) {})
	})
}

// TestConcurrentRun (#64402, the second pattern found in Google-internal tests): two concurrent
// Run calls whose subtests rendezvous. golang/go 26b1694d9ad0 testing_test.go:L784-L802.
func TestConcurrentRun(t *T) {
	block := make(chan bool)
	var ready, done sync.WaitGroup
	for i := 0; i < 2; i++ {
		ready.Add(1)
		done.Add(1)
		go t.Run("", func(*T) {
			ready.Done()
			<-block
			done.Done()
		})
	}
	ready.Wait()
	close(block)
	done.Wait()
}

// TestOversubscribe (#64470, the README's Bundled models): two concurrent Run callers, each starting a
// sequential subtest that has one parallel subtest. With -parallel=1 at most one parallel body
// may run at a time; the runners assert it.
func TestOversubscribe(t *T) {
	sequential := func(s *T) {
		s.Run("parallel", func(p *T) { p.Parallel() })
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		t.Run("S1", sequential)
		wg.Done()
	}()
	t.Run("S2", sequential)
	wg.Wait()
}

// TestHang (#23368, open): a parallel test waits in its body for its own parallel subtest, which
// can only start once the parent's body has returned. A deadlock by design of the protocol.
func TestHang(t *T) {
	t.Parallel()
	var wg sync.WaitGroup
	wg.Add(1)
	t.Run("", func(t *T) {
		t.Parallel()
		wg.Done()
	})
	wg.Wait()
}

// A typical suite (three top-level tests, run with -parallel=2): the bookkeeping below lets the
// suite assert that every cleanup runs exactly once, after all of its test's subtests (P3.6).
var (
	suiteMu           sync.Mutex
	suiteSubtestsDone int
	suiteCleanups     int
)

// TestSuiteParallelCleanup has two parallel subtests and a cleanup.
func TestSuiteParallelCleanup(t *T) {
	t.Cleanup(func() {
		suiteMu.Lock()
		suiteCleanups++
		if suiteCleanups != 1 {
			panic("testing model: a cleanup ran twice")
		}
		if suiteSubtestsDone != 2 {
			panic("testing model: a cleanup ran before its test's subtests finished")
		}
		suiteMu.Unlock()
	})
	for i := 0; i < 2; i++ {
		t.Run("parallel", func(p *T) {
			p.Parallel()
			suiteMu.Lock()
			suiteSubtestsDone++
			suiteMu.Unlock()
		})
	}
}

// TestSuiteFailNowParent calls FailNow on itself from a subtest (P3.8): the parent's Run caller
// must end too, so the panic below is never reached.
func TestSuiteFailNowParent(t *T) {
	t.Run("child", func(c *T) {
		t.FailNow()
	})
	panic("testing model: FailNow on the parent did not end the parent's Run caller")
}

// TestSuiteNested is sequential with a nested Run.
func TestSuiteNested(t *T) {
	t.Run("outer", func(o *T) {
		o.Run("inner", func(i *T) {})
	})
}

// runSuite runs the three suite tests and checks that the cleanup ran.
func runSuite() {
	runTests([]func(t *T){TestSuiteParallelCleanup, TestSuiteFailNowParent, TestSuiteNested})
	if suiteCleanups != 1 {
		panic("testing model: the cleanup did not run")
	}
}

// Bookkeeping of TestParallelWork: how many of its runs completed.
var (
	parallelMu   sync.Mutex
	parallelDone int
)

// TestParallelWork is a parallel test whose body counts itself under a mutex
// (restored_parallel_tests.go runs several).
func TestParallelWork(t *T) {
	t.Parallel()
	parallelMu.Lock()
	parallelDone++
	parallelMu.Unlock()
}
