// A goroutine left blocked on a send after the test returns (model/tests/gotest.rs). `go test`
// (Go 1.23) passes both tests: it does not look for leaked goroutines. gomc reports the leak
// of TestNotifySlowLeaks, as goleak would, and under the untimed clock the same leak in
// TestNotifyFast when its 1 s timeout fires before the work is done.
package leaky

import (
	"testing"
	"time"
)

func TestNotifyFast(t *testing.T) {
	if !Notify(func() {}, time.Second) {
		t.Log("timed out (can happen on a slow machine)")
	}
}

// The work outlives the timeout: Notify returns false and leaks its goroutine,
// which stays blocked on `done <- true` after the test returns.
func TestNotifySlowLeaks(t *testing.T) {
	if Notify(func() { time.Sleep(50 * time.Millisecond) }, time.Millisecond) {
		t.Error("expected a timeout")
	}
}
