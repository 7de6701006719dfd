// Corpus: validate returns a nil *ValidationError as `error`; the caller's `err != nil` is
// true (the interface has a dynamic type) and it panics on a value that is fine.
// gomc:expect panic
package main

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func validate(n int) error {
	var verr *ValidationError
	if n < 0 {
		verr = &ValidationError{Field: "n"}
	}
	return verr
}

func main() {
	results := make(chan error, 1)
	go func() { results <- validate(3) }()
	if err := <-results; err != nil {
		panic("validation failed for a valid value")
	}
}
