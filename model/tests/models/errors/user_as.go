package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type wrapped struct{ inner error }

func (w wrapped) Error() string { return "wrapped: " + w.inner.Error() }
func (w wrapped) Unwrap() error { return w.inner }

type multi struct{ errs []error }

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m.errs }

type timeout interface{ Timeout() bool }

type netErr struct{}

func (netErr) Error() string   { return "net" }
func (netErr) Timeout() bool   { return true }

type asker struct{}

func (asker) Error() string { return "asker" }
func (asker) As(target any) bool {
	if p, ok := target.(**NotFound); ok {
		*p = &NotFound{Key: "from As"}
		return true
	}
	return false
}

func main() {
	var nf *NotFound
	err := wrapped{inner: &NotFound{Key: "a"}}
	fmt.Println(errors.As(err, &nf), nf.Key)
	err2 := fmt.Errorf("ctx: %w", wrapped{inner: &NotFound{Key: "b"}})
	fmt.Println(errors.As(err2, &nf), nf.Key)
	err3 := multi{errs: []error{errors.New("x"), nil, wrapped{inner: netErr{}}}}
	var to timeout
	fmt.Println(errors.As(err3, &to), to.Timeout())
	fmt.Println(errors.As(asker{}, &nf), nf.Key)
	fmt.Println(errors.As(errors.New("plain"), &nf))
	var e error
	fmt.Println(errors.As(fmt.Errorf("j: %w", &NotFound{Key: "c"}), &e), e)
	var nf2 *NotFound
	fmt.Println(errors.As(nil, &nf2), nf2 == nil)
}
