// The per-design part of the testing package's test runner with the fix proposed for #64470 in
// golang/go PR #80562 ("testing: respect -parallel when t.Run is called concurrently", open), on
// top of the restored design (runner_restored.go is the unfixed counterpart). Models include it
// with runner_slots.go and a test program from programs.go.
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
// Everything else, and the model instrumentation, is in runner_slots.go.
//
// gomc:library
package main

import "sync"

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

// releaseForSubtests gives back a slot so the test's parallel subtests can run (tRunner L1602):
// a parallel test its own; a sequential one the slot it borrows, at most once per owner; the
// root the main slot.
func (t *T) releaseForSubtests() {
	switch {
	case t.isParallel:
		t.context.bodyEnds()
		t.context.release()
	case t.parent != nil:
		t.releaseShared()
	default:
		t.context.release()
	}
}

// retakeAfterSubtests takes a slot back for the parent's sequence (tRunner L1617-L1620): only
// the subtest that released a shared slot reacquires it.
func (t *T) retakeAfterSubtests() {
	switch {
	case t.isParallel:
	case t.parent != nil:
		t.reacquireShared()
	default:
		t.context.waitParallel()
	}
}
