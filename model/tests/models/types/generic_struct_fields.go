// Generic types instantiated as the field types of package-level struct types: the
// instances' methods are made while the struct is resolved, before the package's function
// signatures, and must keep their type arguments (`*T` is `*config`). A user type and the
// library's atomic.Pointer[T]. Expected output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"sync/atomic"
)

type Box[T any] struct{ v *T }

func (b *Box[T]) Load() *T     { return b.v }
func (b *Box[T]) Store(v *T)   { b.v = v }
func (b Box[T]) Empty() bool   { return b.v == nil }
func (b *Box[T]) Swap(v *T) *T { old := b.v; b.v = v; return old }

type config struct{ name string }

type service struct {
	box Box[config]
	cfg atomic.Pointer[config]
}

func main() {
	var s service
	fmt.Println(s.box.Empty(), s.cfg.Load() == nil)
	s.box.Store(&config{"a"})
	s.cfg.Store(&config{"b"})
	old := s.box.Swap(&config{"c"})
	c := s.cfg.Load()
	fmt.Println(old.name, s.box.Load().name, c.name, s.box.Empty())
}
