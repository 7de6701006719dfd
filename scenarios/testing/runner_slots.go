// The parts of the testing package's test runner that the restored design (golang/go
// 6317fb41e920, still on master) and the PR #80562 fix share: src/testing/testing.go at
// 6317fb41e920. The per-design parts (the testContext with its release, the T struct, and the
// two hooks tRunner calls around a test's parallel subtests) are in runner_restored.go and
// runner_pr80562.go; models include this file and one of those.
//
// Mirrored: FailNow L979-L1006, Cleanup L1154-L1170, runCleanup L1320-L1360 (cleanup panics
// are not modelled: no test program's cleanup panics), Parallel L1442-L1500, tRunner
// L1539-L1688, Run L1696-L1755, waitParallel L1793-L1803, runTests L2117-L2160. Left out:
// output, timing, chatty printing, the race detector hooks, matching, fuzzing, failfast;
// common.mu is an RWMutex upstream and only guards flags here, so it is a Mutex.
//
// Model instrumentation, not upstream: testContext.bodies counts parallel test bodies running
// (after waitParallel, before release) and panics when it exceeds -parallel (P3.3); release
// panics when the running count goes negative (P3.4); each T counts its completion signals and
// panics on a second one (P3.7; a test that never signals shows up as a leak or deadlock).
//
// gomc:library
package main

import (
	"runtime"
	"sync"
)

// maxParallel is -parallel (a gomc:set in the models overrides it).
const maxParallel = 1

// allTests lists every test started, for the strict completion check at the end of runTests.
var (
	allTestsMu sync.Mutex
	allTests   []*T
)

func (c *testContext) waitParallel() {
	c.mu.Lock()
	if c.running < c.maxParallel {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numWaiting++
	c.mu.Unlock()
	<-c.startParallel
}

func (c *testContext) bodyStarts() {
	c.mu.Lock()
	c.bodies++
	if c.bodies > c.maxParallel {
		panic("testing model: more parallel test bodies running than -parallel")
	}
	c.mu.Unlock()
}

func (c *testContext) bodyEnds() {
	c.mu.Lock()
	c.bodies--
	c.mu.Unlock()
}

func (t *T) FailNow() {
	t.failed = true
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
	runtime.Goexit()
}

func (t *T) Cleanup(f func()) {
	t.mu.Lock()
	t.cleanups = append(t.cleanups, f)
	t.mu.Unlock()
}

func (t *T) runCleanup() {
	t.inCleanup = true
	for {
		t.mu.Lock()
		n := len(t.cleanups)
		if n == 0 {
			t.mu.Unlock()
			return
		}
		f := t.cleanups[n-1]
		t.cleanups = t.cleanups[:n-1]
		t.mu.Unlock()
		f()
	}
}

func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	t.isParallel = true
	if t.parent.barrier == nil {
		return
	}
	t.parent.sub = append(t.parent.sub, t)
	t.signal <- true
	<-t.parent.barrier
	t.context.waitParallel()
	t.context.bodyStarts()
}

func tRunner(t *T, fn func(t *T)) {
	defer func() {
		err := recover()
		signal := true
		t.mu.Lock()
		finished := t.finished
		t.mu.Unlock()
		if !finished && err == nil {
			err = "test executed panic(nil) or runtime.Goexit"
			for p := t.parent; p != nil; p = p.parent {
				p.mu.Lock()
				finished = p.finished
				p.mu.Unlock()
				if finished {
					if !t.isParallel {
						t.failed = true
						err = nil
					}
					signal = false
					break
				}
			}
		}
		didPanic := false
		defer func() {
			if didPanic {
				return
			}
			if err != nil {
				panic(err)
			}
			t.completions++
			if t.completions > 1 {
				panic("testing model: a test completed twice")
			}
			t.signal <- signal
		}()
		if err != nil {
			t.failed = true
			t.runCleanup()
			for root := t; root.parent != nil; root = root.parent {
				root.parent.runCleanup()
			}
			didPanic = true
			panic(err)
		}
		if len(t.sub) > 0 {
			t.releaseForSubtests() // L1602: design hook, see the runner_* files
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			t.runCleanup()
			t.retakeAfterSubtests() // L1617-L1620: design hook
		} else if t.isParallel {
			t.context.bodyEnds()
			t.context.release()
		}
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanup()
		}
	}()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

func (t *T) Run(name string, f func(t *T)) bool {
	if t.inCleanup {
		panic("testing: t.Run called during t.Cleanup")
	}
	sub := &T{barrier: make(chan bool), signal: make(chan bool, 1), name: t.name + "/" + name, parent: t, context: t.context}
	if strictCompletion {
		allTestsMu.Lock()
		allTests = append(allTests, sub)
		allTestsMu.Unlock()
	}
	go tRunner(sub, f)
	if !<-sub.signal {
		runtime.Goexit()
	}
	return !sub.failed
}

func runTests(tests []func(t *T)) {
	t := &T{signal: make(chan bool, 1), barrier: make(chan bool), context: newTestContext(maxParallel)}
	tRunner(t, func(t *T) {
		for _, test := range tests {
			t.Run("Test", test)
		}
	})
	select {
	case <-t.signal:
	default:
		panic("internal error: tRunner exited without sending on t.signal")
	}
	if strictCompletion {
		checkCompletions()
	}
}

// strictCompletion makes runTests also assert that every test completed before the run ended
// (Run's documented contract: concurrent Run calls return before the outer test function).
// Off by default: a test that breaks the contract is the user's bug, not the runner's; a test that
// never completes shows up as a leak or deadlock anyway.
var strictCompletion = false

// checkCompletions asserts that every test sent exactly one completion signal.
func checkCompletions() {
	allTestsMu.Lock()
	for _, test := range allTests {
		if test.completions != 1 {
			panic("testing model: a test did not send exactly one completion signal")
		}
	}
	allTestsMu.Unlock()
}
