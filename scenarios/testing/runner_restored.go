// The per-design part of the testing package's test runner, RESTORED design: golang/go
// 6317fb41e920 (the revert of CL 506755, still the design on master), src/testing/testing.go:
// testContext L1758-L1816 (release), T (common L594-L660, T L917-L930: the fields the model
// keeps), and the two steps of tRunner around a test's parallel subtests (L1602, L1617-L1620).
// Models include it with runner_slots.go and a test program from programs.go.
//
// gomc:library
package main

import "sync"

type testContext struct {
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	maxParallel   int
	bodies        int
}

func newTestContext(maxParallel int) *testContext {
	return &testContext{startParallel: make(chan bool), maxParallel: maxParallel, running: 1}
}

func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting == 0 {
		c.running--
		if c.running < 0 {
			panic("testing model: running count went negative")
		}
		c.mu.Unlock()
		return
	}
	c.numWaiting--
	c.mu.Unlock()
	c.startParallel <- true
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
}

// releaseForSubtests gives back the slot the test holds (its own if parallel, else the one it
// borrows from its parent) so its parallel subtests can run (tRunner L1602).
func (t *T) releaseForSubtests() {
	if t.isParallel {
		t.context.bodyEnds()
	}
	t.context.release()
}

// retakeAfterSubtests takes a slot back for the parent's sequence (tRunner L1617-L1620).
func (t *T) retakeAfterSubtests() {
	if !t.isParallel {
		t.context.waitParallel()
	}
}
