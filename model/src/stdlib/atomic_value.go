// sync/atomic's Value for models, mirroring Go 1.23's sync/atomic/value.go: Load, Store,
// Swap and CompareAndSwap of an `any`, each one atomic step of the value. gomc compiles this
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
