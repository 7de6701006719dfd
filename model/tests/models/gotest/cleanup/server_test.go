// A background server stopped by t.Cleanup through a t.Helper constructor
// (model/tests/gotest.rs). `go test -race -count=5` (Go 1.23) passes TestDouble and
// TestDoubleConcurrent and fails TestStopTwice with "panic: close of closed channel
// [recovered]" (the cleanup stops the server a second time).
package cleanup

import "testing"

func newServer(t *testing.T) *Server {
	t.Helper()
	s := Start()
	t.Cleanup(s.Stop)
	return s
}

func TestDouble(t *testing.T) {
	s := newServer(t)
	for _, n := range []int{1, 2, 3} {
		if got := s.Double(n); got != 2*n {
			t.Fatalf("Double(%d) = %d", n, got)
		}
	}
}

func TestDoubleConcurrent(t *testing.T) {
	s := newServer(t)
	for i := 0; i < 2; i++ {
		i := i
		t.Run("client", func(t *testing.T) {
			t.Parallel()
			if got := s.Double(i); got != 2*i {
				t.Errorf("Double(%d) = %d", i, got)
			}
		})
	}
}

// Stopping twice: the second Stop closes a closed channel.
func TestStopTwice(t *testing.T) {
	s := newServer(t)
	s.Stop()
}
