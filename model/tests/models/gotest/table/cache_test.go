// Table-driven tests as people write them (model/tests/gotest.rs): parallel subtests capturing
// the loop variable, and testing.Short. `go test -race -count=5` (Go 1.23) passes all three;
// with -short it skips TestLongRunning.
package table

import (
	"fmt"
	"testing"
)

func TestCacheTable(t *testing.T) {
	c := New()
	tests := []struct {
		name string
		key  string
		val  int
	}{
		{"first", "a", 1},
		{"second", "b", 2},
		{"third", "c", 3},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c.Put(tc.key, tc.val)
			got, ok := c.Get(tc.key)
			if !ok || got != tc.val {
				t.Errorf("Get(%q) = %d, %v; want %d, true", tc.key, got, ok, tc.val)
			}
		})
	}
}

func TestCacheHitsAfterParallel(t *testing.T) {
	c := New()
	keys := []string{"x", "y"}
	t.Run("group", func(t *testing.T) {
		for i, k := range keys {
			t.Run(fmt.Sprintf("put-%d", i), func(t *testing.T) {
				t.Parallel()
				c.Put(k, i)
				if _, ok := c.Get(k); !ok {
					t.Fatalf("key %s missing", k)
				}
			})
		}
	})
	if got := c.Hits(); got != len(keys) {
		t.Errorf("hits = %d, want %d", got, len(keys))
	}
}

func TestLongRunning(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	c := New()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			c.Put(fmt.Sprint(i), i)
		}
	}()
	<-done
	if _, ok := c.Get("2"); !ok {
		t.Error("missing key 2")
	}
}
