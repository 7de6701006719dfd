// Subtests that talk through channels (model/tests/gotest.rs). `go test -timeout 10s` (Go
// 1.23) passes TestProducerConsumer and TestStage and hangs in TestSequentialSubtestsHang:
// gomc says deadlock.
package subtests

import "testing"

// Two parallel subtests talk through a channel: both are paused until the
// parent returns, then run together.
func TestProducerConsumer(t *testing.T) {
	ch := make(chan int)
	t.Run("group", func(t *testing.T) {
		t.Run("producer", func(t *testing.T) {
			t.Parallel()
			for i := 0; i < 2; i++ {
				ch <- i
			}
			close(ch)
		})
		t.Run("consumer", func(t *testing.T) {
			t.Parallel()
			sum := 0
			for v := range ch {
				sum += v
			}
			if sum != 1 {
				t.Errorf("sum = %d, want 1", sum)
			}
		})
	})
}

// The same without t.Parallel: subtests run one after the other, so the
// producer blocks forever on its first send.
func TestSequentialSubtestsHang(t *testing.T) {
	ch := make(chan int)
	t.Run("producer", func(t *testing.T) {
		ch <- 1
	})
	t.Run("consumer", func(t *testing.T) {
		if v := <-ch; v != 1 {
			t.Errorf("got %d", v)
		}
	})
}

func TestStage(t *testing.T) {
	in := make(chan int)
	out := make(chan int)
	go Stage(in, out)
	go func() {
		defer close(in)
		for _, v := range []int{1, 2, 3} {
			in <- v
		}
	}()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	if len(got) != 3 || got[2] != 6 {
		t.Errorf("got %v", got)
	}
}
