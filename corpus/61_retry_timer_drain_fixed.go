// Corpus: the retry loop of 60, fixed: it drains only a value it has not received itself
// (`fired` says whether the select took it). Whether the timer fired before Stop or not, the
// drain never blocks: as of Go 1.23 Stop drains an unreceived value and reports the timer as
// stopped (before, Stop says false and the receive takes the value), which gomc models (it
// reported a deadlock here before). No violation.
// gomc:expect none
package main

import (
	"errors"
	"fmt"
	"time"
)

var errUnavailable = errors.New("service unavailable")

func attempt(n int) error {
	if n == 0 {
		time.Sleep(50 * time.Millisecond) // the first connection attempt hangs
	}
	if n < 2 {
		return fmt.Errorf("attempt %d: %w", n, errUnavailable)
	}
	return nil
}

func retry(maxAttempts int, backoff time.Duration) error {
	timer := time.NewTimer(backoff)
	defer timer.Stop()
	var err error
	fired := false
	for n := 0; n < maxAttempts; n++ {
		result := make(chan error, 1)
		go func(n int) { result <- attempt(n) }(n)
		if !timer.Stop() && !fired {
			<-timer.C
		}
		fired = false
		timer.Reset(backoff)
		select {
		case err = <-result:
			if err == nil {
				return nil
			}
		case <-timer.C:
			fired = true
			err = fmt.Errorf("attempt %d: timed out", n)
		}
	}
	return err
}

func main() {
	if err := retry(3, 10*time.Millisecond); err != nil {
		fmt.Println("giving up:", err, errors.Is(err, errUnavailable))
		return
	}
	fmt.Println("ok")
}
