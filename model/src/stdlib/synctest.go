// Package synctest for models, mirroring testing/synctest/synctest.go (Go 1.25, with Go 1.24's
// Run and the later Sleep) over the runtime's bubbles (runtime/synctest.go). gomc compiles
// this file with a model that imports "testing/synctest", and checks such a model under the
// synctest clock (program::Clock::Synctest): the whole program is one bubble, its fake clock
// advancing only when every goroutine is blocked.
//
// Differences from the real package, each for a reason:
//   - Run calls f on the calling goroutine rather than a new one (the whole program is the
//     bubble, so there is nothing outside it to return to).
//   - Test needs *testing.T, which gomc does not model: the front end says to write the test's
//     body as synctest.Run(func() { ... }) in main.
//   - A goroutine waiting to lock a sync.Mutex counts as durably blocked: the runtime's rule
//     against it exists because the mutex may be held outside the bubble, and here nothing is.
package synctest

import (
	"runtime"
	"time"
)

// Run executes f and then waits, as synctestRun does, until every goroutine f started has
// exited; if they are all blocked instead, it panics as Go's does.
func Run(f func()) {
	f()
	Wait()
	if runtime.NumGoroutine() > 1 {
		panic("deadlock: main bubble goroutine has exited but blocked goroutines remain")
	}
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
