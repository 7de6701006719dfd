// errors.Join and fmt.Errorf with several %w (Go 1.20): the joined text, errors.Is and
// errors.As through every branch, and errors.Unwrap returning nil for several wrapped errors.
package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a failed")
var ErrB = errors.New("b failed")

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func main() {
	var errs []error
	errs = append(errs, ErrA, nil, &codeErr{7})
	joined := errors.Join(errs...)
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrA), errors.Is(joined, ErrB))
	var ce *codeErr
	fmt.Println(errors.As(joined, &ce), ce.code)
	fmt.Println(errors.Join(nil, nil) == nil, errors.Unwrap(joined) == nil)
	two := fmt.Errorf("both: %w and %w", ErrA, ErrB)
	fmt.Println(two, errors.Is(two, ErrB), errors.Unwrap(two) == nil)
	wrapped := fmt.Errorf("ctx: %w", joined)
	fmt.Println(errors.Is(wrapped, ErrA))
}
