// Package synctest for models, mirroring testing/synctest/synctest.go (Go 1.25, with Go 1.24's
// Run and the later Sleep) over the runtime's bubbles (runtime/synctest.go). gomc compiles
// this file with a model that imports "testing/synctest", and checks such a model under the
// synctest clock (program::Clock::Synctest): the whole program is one bubble, its fake clock
// advancing only when every goroutine is blocked.
//
// Differences from the real package, each for a reason:
//   - Run calls f on the calling goroutine rather than a new one (the whole program is the
//     bubble, so there is nothing outside it to return to).
//   - Test runs f with the test's own T, inside Run: the whole program being the bubble, the
//     test's cleanups and Context already belong to it; a deadlock of the bubble panics as
//     Run's does rather than failing the test.
//   - A goroutine waiting to lock a sync.Mutex counts as durably blocked: the runtime's rule
//     against it exists because the mutex may be held outside the bubble, and here nothing is.
package synctest

import (
	"runtime"
	"testing"
	"time"
)

// Run executes f and then waits, as synctestRun does, until every goroutine f started has
// exited; if they are all blocked instead, it panics as Go's does.
func Run(f func()) {
	// The goroutines alive before f (the test runner's, under Test) are not f's.
	before := runtime.NumGoroutine()
	f()
	Wait()
	if runtime.NumGoroutine() > before {
		panic("deadlock: main bubble goroutine has exited but blocked goroutines remain")
	}
}

// Test runs f in the bubble (Go 1.25) and waits, as Run does, for every goroutine f started.
func Test(t *testing.T, f func(*testing.T)) {
	Run(func() { f(t) })
}

// Wait blocks until every other goroutine is durably blocked.
func Wait() {
	wait()
}

// Sleep is time.Sleep(d) followed by Wait.
func Sleep(d time.Duration) {
	time.Sleep(d)
	Wait()
}
