// Package sync's functions and types that are plain Go over its primitives, for models:
// OnceFunc, OnceValue and OnceValues mirror Go 1.23's src/sync/oncefunc.go (a Once, and the
// panic of f repeated on every call); Pool keeps src/sync/pool.go's contract. gomc compiles
// this file with a model that imports "sync"; Mutex, Once and the other primitives are the
// machine's own (semantics/), which this file names through the package itself, and choose is
// gomc's choice primitive (Instr::Choose).
//
// Differences from the real package, each for a reason:
//   - OnceValue and OnceValues are generic in Go; gomc types each call from its argument
//     (frontend/call.rs `func_sig`), so the values pass through here unconverted.
//   - A Pool is a list of the values Put into it; Get returns any of them or, as when the
//     runtime has dropped them all (pool.go: "any item stored in the Pool may be removed
//     automatically at any time"), calls New: every choice is explored.
package sync

import "sync"

// OnceFunc returns a function that invokes f only once; if f panics, the returned function
// panics with the same value on every call.
func OnceFunc(f func()) func() {
	d := struct {
		f     func()
		once  sync.Once
		valid bool
		p     any
	}{
		f: f,
	}
	return func() {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.f()
			d.valid = true
		})
		if !d.valid {
			panic(d.p)
		}
	}
}

// OnceValue returns a function that invokes f only once and returns the value returned by f.
func OnceValue(f func() any) func() any {
	d := struct {
		f      func() any
		once   sync.Once
		valid  bool
		p      any
		result any
	}{
		f: f,
	}
	return func() any {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.result = d.f()
			d.valid = true
		})
		if !d.valid {
			panic(d.p)
		}
		return d.result
	}
}

// OnceValues returns a function that invokes f only once and returns the values returned by f.
func OnceValues(f func() (any, any)) func() (any, any) {
	d := struct {
		f     func() (any, any)
		once  sync.Once
		valid bool
		p     any
		r1    any
		r2    any
	}{
		f: f,
	}
	return func() (any, any) {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.r1, d.r2 = d.f()
			d.valid = true
		})
		if !d.valid {
			panic(d.p)
		}
		return d.r1, d.r2
	}
}

// A Pool is a set of temporary objects that may be individually saved and retrieved.
type Pool struct {
	mu    sync.Mutex
	items []any

	// New optionally specifies a function to generate a value when Get would otherwise
	// return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// Get selects an arbitrary item from the Pool, removes it from the Pool, and returns it to the
// caller; or returns the result of calling New (nil without New).
func (p *Pool) Get() any {
	p.mu.Lock()
	i := choose(len(p.items) + 1)
	if i < len(p.items) {
		x := p.items[i]
		rest := append([]any{}, p.items[:i]...)
		p.items = append(rest, p.items[i+1:]...)
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
