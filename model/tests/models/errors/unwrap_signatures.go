// A user error wrapping several errors (Unwrap() []error) next to one wrapping one
// (Unwrap() error): type assertions and errors.Is tell the two methods apart by signature, as
// Go 1.20's errors/wrap.go does.
package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a")
var ErrB = errors.New("b")

type multi struct{ errs []error }

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m.errs }

type single struct{ err error }

func (s single) Error() string { return "single" }
func (s single) Unwrap() error { return s.err }

func main() {
	var m error = multi{[]error{ErrA, ErrB}}
	var s error = single{ErrA}
	_, mOne := m.(interface{ Unwrap() error })
	_, mMany := m.(interface{ Unwrap() []error })
	_, sOne := s.(interface{ Unwrap() error })
	_, sMany := s.(interface{ Unwrap() []error })
	fmt.Println(mOne, mMany, sOne, sMany)
	fmt.Println(errors.Is(m, ErrB), errors.Is(s, ErrA), errors.Is(s, ErrB))
}
