// sync/atomic's Value and Pointer[T] for models, mirroring Go 1.23's sync/atomic/value.go and
// type.go: Load, Store, Swap and CompareAndSwap, each one atomic step of the value. gomc compiles this
// file with the model when the model imports "sync/atomic"; the package's functions and its
// Bool, Int32, Int64, Uint32 and Uint64 types are built into the front end.
//
// Differences from the real package, each for a reason: the value sits behind a mutex (the
// real one swaps an interface word with atomic instructions gomc does not model one by one),
// so each operation shows as a lock and an unlock in traces; storing values of different
// dynamic types does not panic (that check needs reflection).
package atomic

import "sync"

// A Value provides an atomic load and store of a consistently typed value.
type Value struct {
	mu sync.Mutex
	v  any
}

// Load returns the value set by the most recent Store, or nil if there has been none.
func (v *Value) Load() (val any) {
	v.mu.Lock()
	val = v.v
	v.mu.Unlock()
	return val
}

// Store sets the value of the Value v to val.
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	v.mu.Lock()
	v.v = val
	v.mu.Unlock()
}

// Swap stores new into Value and returns the previous value, or nil if it was empty.
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	v.mu.Lock()
	old = v.v
	v.v = new
	v.mu.Unlock()
	return old
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.v != old {
		return false
	}
	v.v = new
	return true
}

// A Pointer is an atomic pointer of type *T (sync/atomic/type.go): Load, Store, Swap and
// CompareAndSwap, each one atomic step, behind a mutex as Value's are.
type Pointer[T any] struct {
	mu sync.Mutex
	v  *T
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.v
}

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) {
	x.mu.Lock()
	x.v = val
	x.mu.Unlock()
}

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	x.mu.Lock()
	old = x.v
	x.v = new
	x.mu.Unlock()
	return old
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.v != old {
		return false
	}
	x.v = new
	return true
}
