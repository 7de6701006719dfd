// Corpus: a retry loop reuses one timer for its backoff, with the idiom the time package
// documented for years: `if !t.Stop() { <-t.C }` before `t.Reset`. When an attempt times out,
// the select has already received the timer's value; on the next round Stop says false and
// the drain waits for a value that never comes (the shape of golang/go#27169 and many
// "Reset after Stop hangs" reports). go run deadlocks: the first attempt outlasts the backoff.
// gomc:expect deadlock
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
	for n := 0; n < maxAttempts; n++ {
		result := make(chan error, 1)
		go func(n int) { result <- attempt(n) }(n)
		if !timer.Stop() {
			<-timer.C
		}
		timer.Reset(backoff)
		select {
		case err = <-result:
			if err == nil {
				return nil
			}
		case <-timer.C:
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
