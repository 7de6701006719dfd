// The testing package's test runner, CL 506755 design ("testing: simplify concurrency and
// cleanup logic"): golang/go e6b76bfc4675, src/testing/testing.go, reverted by 6317fb41e920
// because it deadlocked tests (#64402). Shared by the models cl506755_*.go.
//
// Mirrored: FailNow L982-L1009 (goexiting), Parallel L1445-L1512, tRunner L1551-L1682
// (cleanups always after parallel subtests; on a panic, each ancestor's cleanup runs in a fresh
// goroutine), Run L1690-L1755 (runMu held across <-sub.doneOrParallel, L1723-L1745), the
// parallelSem token semaphore L1768-L1811 with its "no parallel token to release" panic, and
// runTests L2117-L2160. Left out as in runner_slots.go: output, timing, matching, fuzzing.
//
// Model instrumentation, as in runner_slots.go: bodies counts parallel test bodies running
// (P3.3); each T counts its completions (close of doneOrParallel, or parallelSubtests.Done for a
// parallel test) and panics on a second one (P3.7).
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

type testContext struct {
	parallelSem chan bool
	mu          sync.Mutex
	bodies      int
	maxParallel int
}

func newTestContext(maxParallel int) *testContext {
	return &testContext{parallelSem: make(chan bool, maxParallel), maxParallel: maxParallel}
}

func (c *testContext) acquireParallel() {
	c.parallelSem <- true
}

func (c *testContext) releaseParallel() {
	select {
	case <-c.parallelSem:
	default:
		panic("testing: internal error: no parallel token to release")
	}
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

type T struct {
	mu               sync.Mutex
	runMu            sync.Mutex
	name             string
	parent           *T
	context          *testContext
	doneOrParallel   chan bool
	runParallel      chan bool
	parallelSubtests sync.WaitGroup
	goexiting        bool
	failed           bool
	isParallel       bool
	cleanups         []func()
	inCleanup        bool
	completions      int // model: completions signalled (P3.7)
}

func (t *T) FailNow() {
	t.failed = true
	t.mu.Lock()
	t.goexiting = true
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
	if t.parent.runParallel == nil {
		return
	}
	t.parent.parallelSubtests.Add(1)
	t.isParallel = true
	close(t.doneOrParallel)
	<-t.parent.runParallel
	t.context.acquireParallel()
	t.context.bodyStarts()
}

func tRunner(t *T, fn func(t *T)) {
	returned := false
	defer func() {
		panicVal := recover()
		if !returned && !t.goexiting && panicVal == nil {
			panicVal = "test executed panic(nil) or runtime.Goexit"
			for p := t.parent; p != nil; p = p.parent {
				p.mu.Lock()
				pGoexiting := p.goexiting
				p.mu.Unlock()
				if pGoexiting {
					t.failed = true
					panicVal = nil
					break
				}
			}
		}
		if panicVal != nil {
			t.failed = true
		} else if t.runParallel != nil {
			if t.isParallel {
				t.context.bodyEnds()
				t.context.releaseParallel()
			}
			close(t.runParallel)
			t.parallelSubtests.Wait()
			if t.isParallel {
				t.context.acquireParallel()
				t.context.bodyStarts()
			}
		}
		defer func() {
			cleanupPanic := recover()
			if panicVal == nil {
				panicVal = cleanupPanic
			}
			if panicVal != nil {
				for root := t; root.parent != nil; root = root.parent {
					cleanupDone := make(chan bool)
					parent := root.parent
					go func() {
						defer close(cleanupDone)
						parent.runCleanup()
					}()
					<-cleanupDone
				}
				panic(panicVal)
			}
			t.completions++
			if t.completions > 1 {
				panic("testing model: a test completed twice")
			}
			if t.isParallel {
				t.context.bodyEnds()
				t.context.releaseParallel()
				t.parent.parallelSubtests.Done()
			} else {
				close(t.doneOrParallel)
			}
		}()
		t.runCleanup()
	}()
	fn(t)
	returned = true
}

func (t *T) Run(name string, f func(t *T)) bool {
	if t.inCleanup {
		panic("testing: t.Run called during t.Cleanup")
	}
	sub := &T{runParallel: make(chan bool), doneOrParallel: make(chan bool), name: t.name + "/" + name, parent: t, context: t.context}
	if strictCompletion {
		allTestsMu.Lock()
		allTests = append(allTests, sub)
		allTestsMu.Unlock()
	}
	t.runMu.Lock()
	defer t.runMu.Unlock()
	if t.isParallel {
		t.context.bodyEnds()
		t.context.releaseParallel()
		defer t.context.bodyStarts()
		defer t.context.acquireParallel()
	}
	go tRunner(sub, f)
	<-sub.doneOrParallel
	if t.goexiting {
		runtime.Goexit()
	}
	return !sub.failed
}

func runTests(tests []func(t *T)) {
	t := &T{doneOrParallel: make(chan bool), runParallel: make(chan bool), context: newTestContext(maxParallel)}
	tRunner(t, func(t *T) {
		for _, test := range tests {
			t.Run("Test", test)
		}
	})
	select {
	case <-t.doneOrParallel:
	default:
		panic("internal error: tRunner exited without closing t.doneOrParallel")
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

// checkCompletions asserts that every test completed exactly once.
func checkCompletions() {
	allTestsMu.Lock()
	for _, test := range allTests {
		if test.completions != 1 {
			panic("testing model: a test did not complete exactly once")
		}
	}
	allTestsMu.Unlock()
}
