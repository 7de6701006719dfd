// A test written for Go 1.25's testing/synctest, checked as written by `gomc test`: under the
// synctest clock the 10 ms result always beats the 1 s timeout, so it passes in every
// interleaving (model/tests/gotest.rs).
package synctest_example

import (
	"testing"
	"testing/synctest"
	"time"
)

func fetch(result chan<- string) {
	time.Sleep(10 * time.Millisecond)
	result <- "data"
}

func TestFetchBeatsTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		result := make(chan string, 1)
		go fetch(result)
		select {
		case got := <-result:
			if got != "data" {
				t.Errorf("got %q", got)
			}
		case <-time.After(time.Second):
			t.Fatal("timed out")
		}
	})
}
