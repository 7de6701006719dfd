package main

import (
	"errors"
	"fmt"
)

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + " timed out" }

type temporary interface{ Temporary() bool }

func (e *TimeoutError) Temporary() bool { return true }

func fetch(n int) error {
	if n == 0 {
		return nil
	}
	return fmt.Errorf("fetch %d: %w", n, &TimeoutError{Op: "read"})
}

func main() {
	results := make(chan error, 2)
	for i := 0; i < 2; i++ {
		go func(i int) { results <- fetch(i) }(i)
	}
	for i := 0; i < 2; i++ {
		err := <-results
		var te *TimeoutError
		var tmp temporary
		if errors.As(err, &te) && errors.As(err, &tmp) {
			fmt.Println("timeout in", te.Op, tmp.Temporary())
		}
	}
	base := &TimeoutError{Op: "write"}
	wrapped := fmt.Errorf("outer: %w", base)
	fmt.Println(errors.Is(wrapped, base), errors.Is(wrapped, &TimeoutError{Op: "write"}))
}
