// Go's own unit test of the slot protocol, TestTestContext: golang/go 6317fb41e920
// src/testing/sub_test.go:L24-L118, ported to the model's testContext (waitParallel/release of
// runner_slots.go and runner_restored.go or runner_pr80562.go). Each call runs in a goroutine; the
// test then either
// sees it finish or hands it / takes from it a start token, exactly as upstream, and checks
// running, numWaiting and started after every call. Upstream's t.Errorf becomes a panic.
//
// gomc:library
package main

const (
	add1 = 0
	done = 1
)

type call struct {
	typ     int
	running int
	waiting int
	started bool
}

type contextCase struct {
	max int
	run []call
}

var contextCases = []contextCase{{
	max: 1,
	run: []call{
		{typ: add1, running: 1, waiting: 0, started: true},
		{typ: done, running: 0, waiting: 0, started: false},
	},
}, {
	max: 1,
	run: []call{
		{typ: add1, running: 1, waiting: 0, started: true},
		{typ: add1, running: 1, waiting: 1, started: false},
		{typ: done, running: 1, waiting: 0, started: true},
		{typ: done, running: 0, waiting: 0, started: false},
		{typ: add1, running: 1, waiting: 0, started: true},
	},
}, {
	max: 3,
	run: []call{
		{typ: add1, running: 1, waiting: 0, started: true},
		{typ: add1, running: 2, waiting: 0, started: true},
		{typ: add1, running: 3, waiting: 0, started: true},
		{typ: add1, running: 3, waiting: 1, started: false},
		{typ: add1, running: 3, waiting: 2, started: false},
		{typ: add1, running: 3, waiting: 3, started: false},
		{typ: done, running: 3, waiting: 2, started: true},
		{typ: add1, running: 3, waiting: 3, started: false},
		{typ: done, running: 3, waiting: 2, started: true},
		{typ: done, running: 3, waiting: 1, started: true},
		{typ: done, running: 3, waiting: 0, started: true},
		{typ: done, running: 2, waiting: 0, started: false},
		{typ: done, running: 1, waiting: 0, started: false},
		{typ: done, running: 0, waiting: 0, started: false},
	},
}}

func doCall(f func()) chan bool {
	done := make(chan bool)
	go func() {
		f()
		done <- true
	}()
	return done
}

// TestTestContext drives the context through every case of the table.
func TestTestContext() {
	for _, tc := range contextCases {
		ctx := newTestContext(tc.max)
		ctx.running = 0 // upstream builds the context directly, without the main test's slot
		for _, call := range tc.run {
			started := false
			switch call.typ {
			case add1:
				signal := doCall(func() { ctx.waitParallel() })
				select {
				case <-signal:
					started = true
				case ctx.startParallel <- true:
					<-signal
				}
			case done:
				signal := doCall(func() { ctx.release() })
				select {
				case <-signal:
				case <-ctx.startParallel:
					started = true
					<-signal
				}
			}
			if started != call.started {
				panic("TestTestContext: started differs from the table")
			}
			if ctx.running != call.running {
				panic("TestTestContext: running differs from the table")
			}
			if ctx.numWaiting != call.waiting {
				panic("TestTestContext: numWaiting differs from the table")
			}
		}
	}
}
