// Panic values with Error and String methods, recovered and not. Expected: go run (Go 1.23.5).
package main

import (
	"errors"
	"fmt"
)

type Level int

func (l Level) String() string { return fmt.Sprintf("L%d", int(l)) }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("code %d\nsecond line", e.code) }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("recovered %v\n", r)
	}()
	f()
}

func main() {
	try(func() { panic(Level(3)) })
	try(func() { var err error; panic(err) })
	try(func() { panic(errors.New("plain")) })
	panic(fmt.Errorf("wrapped: %w", E{7}))
}
