// The testing package's test runner with the fix proposed for #64470 in golang/go PR #80562
// ("testing: respect -parallel when t.Run is called concurrently", open), on top of the restored
// design of runner_restored.go. Shared by the models pr80562_*.go.
//
// The PR's diff was not available to us; this models its description: "Release the shared slot
// at most once, using a flag on the test that owns it, and let only that subtest reacquire it.
// Serve a reacquiring test after all tests waiting to start in parallel, so it cannot take a
// slot from a parallel test that is still waiting." Concretely:
//   - a sequential test borrows the slot of its nearest parallel ancestor, or of the root (the
//     main slot): that test is the slot's owner and carries the flag slotReleased;
//   - a sequential test with parallel subtests releases the borrowed slot only if the owner's
//     flag is clear, sets it, and remembers that it released (releasedShared); only that test
//     reacquires the slot after its subtests, and clears the flag;
//   - a reacquiring test waits in a queue of its own that release serves only when no parallel
//     test is waiting to start.
//
// Everything else, and the model instrumentation, is as in runner_restored.go.
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
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	// PR #80562: tests waiting to reacquire a released shared slot, served after numWaiting.
	numReacquiring int
	startReacquire chan bool
	maxParallel    int
	bodies         int
}

func newTestContext(maxParallel int) *testContext {
	return &testContext{startParallel: make(chan bool), startReacquire: make(chan bool), maxParallel: maxParallel, running: 1}
}

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

func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting > 0 {
		c.numWaiting--
		c.mu.Unlock()
		c.startParallel <- true // Pick a waiting test to be run.
		return
	}
	if c.numReacquiring > 0 {
		c.numReacquiring--
		c.mu.Unlock()
		c.startReacquire <- true // Then a test reacquiring its shared slot.
		return
	}
	c.running--
	if c.running < 0 {
		panic("testing model: running count went negative")
	}
	c.mu.Unlock()
}

// reacquire takes a slot back for a test that released its shared slot, after every parallel
// test waiting to start.
func (c *testContext) reacquire() {
	c.mu.Lock()
	if c.running < c.maxParallel && c.numWaiting == 0 {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numReacquiring++
	c.mu.Unlock()
	<-c.startReacquire
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
	mu          sync.Mutex
	name        string
	parent      *T
	context     *testContext
	signal      chan bool
	barrier     chan bool
	sub         []*T
	finished    bool
	failed      bool
	isParallel  bool
	cleanups    []func()
	inCleanup   bool
	completions int // model: completion signals sent (P3.7)
	// PR #80562: on the owner of a slot, whether a sequential descendant released it; on that
	// descendant, that it did.
	slotReleased   bool
	releasedShared bool
}

// slotOwner is the test whose slot t borrows: its nearest parallel ancestor, or the root.
func (t *T) slotOwner() *T {
	owner := t.parent
	for !owner.isParallel && owner.parent != nil {
		owner = owner.parent
	}
	return owner
}

// releaseShared releases the slot t borrows, unless another subtest already released it.
func (t *T) releaseShared() {
	c := t.context
	owner := t.slotOwner()
	c.mu.Lock()
	if owner.slotReleased {
		c.mu.Unlock()
		return
	}
	owner.slotReleased = true
	c.mu.Unlock()
	t.releasedShared = true
	c.release()
}

// reacquireShared takes the shared slot back, if t is the subtest that released it.
func (t *T) reacquireShared() {
	if !t.releasedShared {
		return
	}
	c := t.context
	c.reacquire()
	c.mu.Lock()
	t.slotOwner().slotReleased = false
	c.mu.Unlock()
	t.releasedShared = false
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
			if t.isParallel {
				t.context.bodyEnds()
				t.context.release()
			} else if t.parent != nil {
				t.releaseShared()
			} else {
				t.context.release() // the root owns the main slot
			}
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			t.runCleanup()
			if !t.isParallel && t.parent != nil {
				t.reacquireShared()
			} else if !t.isParallel {
				t.context.waitParallel()
			}
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
