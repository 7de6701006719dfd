// A method of the right name and the wrong signature does not implement the interface.
package main

type multi struct{ errs []error }

func (m multi) Error() string { return "multi" }
func (m multi) Unwrap() error { return nil }

type unwrapper interface {
	Unwrap() []error
}

func main() {
	var u unwrapper = multi{}
	_ = u
}
// go build: 14:20: cannot use multi{} (value of type multi) as type unwrapper in variable declaration:
// go build: multi does not implement unwrapper (wrong type for Unwrap method)
// go build: have Unwrap() error
// go build: want Unwrap() []error
