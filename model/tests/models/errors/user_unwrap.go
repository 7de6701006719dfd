// errors.Is and errors.Unwrap through a user error type's Unwrap method and its Is method,
// and through fmt.Errorf's wrapping of it. Expected output: `go run` (Go 1.19).
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type queryError struct {
	query string
	err   error
}

func (e *queryError) Error() string { return e.query + ": " + e.err.Error() }
func (e *queryError) Unwrap() error { return e.err }

type timeout struct{}

func (timeout) Error() string        { return "timeout" }
func (timeout) Is(target error) bool { return target == ErrTemporary }

var ErrTemporary = errors.New("temporary")

func main() {
	err := fmt.Errorf("lookup: %w", &queryError{"SELECT 1", ErrNotFound})
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, ErrTemporary))
	fmt.Println(errors.Unwrap(errors.Unwrap(err)) == ErrNotFound)
	wrapped := &queryError{"SELECT 2", timeout{}}
	fmt.Println(errors.Is(wrapped, ErrTemporary), errors.Is(wrapped, ErrNotFound))
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(nil, nil), errors.Unwrap(ErrNotFound) == nil)
}
