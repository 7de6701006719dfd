// Context timeouts in tests (model/tests/gotest.rs). `go test -race -count=5` (Go 1.23) passes
// all three; so does gomc under --clock synctest, where durations mean what they say. Under
// the untimed clock each fails in the interleavings where a timer fires out of the order its
// duration gives (a 1 s timeout before a 1 ms sleep).
package ctxwork

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestFetchFast(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	v, err := FetchBuffered(ctx, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if v != 42 {
		t.Errorf("got %d", v)
	}
}

func TestFetchTimesOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	_, err := FetchBuffered(ctx, time.Second)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
}

func TestFetchCanceledByTest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(time.Millisecond)
		cancel()
	}()
	if _, err := FetchBuffered(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}
