// Package iter for models, after Go 1.23's src/iter/iter.go: the iterator function types Seq
// and Seq2 that a `for range` loop calls with its body as the yield function
// (frontend/rangefunc.rs), and Pull and Pull2.
//
// Go runs a pulled iterator as a coroutine (runtime/coro.go): a goroutine that runs only
// while its caller waits, control passing back and forth by coroswitch. Here the coroutine is
// a goroutine and each coroswitch a handoff over two unbuffered channels, so the caller of
// next or stop is blocked exactly while the iterator runs, as in Go. What iter.go does around
// the switches is kept: the panics for a yield or next out of turn, a panic or Goexit of the
// iterator propagated to the caller of next or stop, next after stop or after the end
// returning the zero value and false. Not kept: the race detector's annotations, and the
// dump shows the coroutine as a goroutine waiting on a channel. A pulled iterator that is
// neither exhausted nor stopped leaves its coroutine blocked: a leak, as Go's docs warn.
// gomc compiles this file with a model that imports "iter".
package iter

import "runtime"

// Seq is an iterator over sequences of individual values: it calls yield with each value,
// stopping early when yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// coro is a coroutine: resume passes control to it, back returns control to its caller.
type coro struct {
	resume chan struct{}
	back   chan struct{}
}

// switchTo runs the coroutine until it switches back (the caller's coroswitch).
func (c *coro) switchTo() {
	c.resume <- struct{}{}
	<-c.back
}

// switchBack returns control to the caller and waits to be resumed (the coroutine's
// coroswitch).
func (c *coro) switchBack() {
	c.back <- struct{}{}
	<-c.resume
}

// goexitPanicValue marks a coroutine that ended in runtime.Goexit.
type goexitPanic struct{}

var goexitPanicValue any = goexitPanic{}

// newcoro starts f as a coroutine that first runs at the first switchTo; when f returns,
// control goes back to the caller for good.
func newcoro(f func(c *coro)) *coro {
	c := &coro{resume: make(chan struct{}), back: make(chan struct{})}
	go func() {
		<-c.resume
		f(c)
		c.back <- struct{}{}
	}()
	return c
}

// Pull converts the push-style iterator seq into a pull-style iterator accessed by the two
// functions next and stop.
func Pull[V any](seq Seq[V]) (func() (V, bool), func()) {
	var (
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull: yield called again before next")
			}
			yieldNext = false
			v, ok = v1, true
			c.switchBack()
			return !done
		}
		// Recover and propagate panics from seq.
		defer func() {
			if p := recover(); p != nil {
				panicValue = p
			} else if !seqDone {
				panicValue = goexitPanicValue
			}
			done = true
		}()
		seq(yield)
		var v0 V
		v, ok = v0, false
		seqDone = true
	})
	next := func() (V, bool) {
		if done {
			var v0 V
			return v0, false
		}
		if yieldNext {
			panic("iter.Pull: next called again before yield")
		}
		yieldNext = true
		c.switchTo()
		propagate(panicValue)
		return v, ok
	}
	stop := func() {
		if !done {
			done = true
			c.switchTo()
			propagate(panicValue)
		}
	}
	return next, stop
}

// Pull2 converts the push-style iterator seq into a pull-style iterator accessed by the two
// functions next and stop. It repeats Pull for pairs, as iter.go does: a value type cannot
// stand for the pair without changing what the iterator's own yield receives.
func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) {
	var (
		k          K
		v          V
		ok         bool
		done       bool
		yieldNext  bool
		seqDone    bool
		panicValue any
	)
	c := newcoro(func(c *coro) {
		if done {
			return
		}
		yield := func(k1 K, v1 V) bool {
			if done {
				return false
			}
			if !yieldNext {
				panic("iter.Pull2: yield called again before next")
			}
			yieldNext = false
			k, v, ok = k1, v1, true
			c.switchBack()
			return !done
		}
		// Recover and propagate panics from seq.
		defer func() {
			if p := recover(); p != nil {
				panicValue = p
			} else if !seqDone {
				panicValue = goexitPanicValue
			}
			done = true
		}()
		seq(yield)
		var k0 K
		var v0 V
		k, v, ok = k0, v0, false
		seqDone = true
	})
	next := func() (K, V, bool) {
		if done {
			var k0 K
			var v0 V
			return k0, v0, false
		}
		if yieldNext {
			panic("iter.Pull2: next called again before yield")
		}
		yieldNext = true
		c.switchTo()
		propagate(panicValue)
		return k, v, ok
	}
	stop := func() {
		if !done {
			done = true
			c.switchTo()
			propagate(panicValue)
		}
	}
	return next, stop
}

// propagate re-raises in the caller a panic or Goexit of the coroutine.
func propagate(panicValue any) {
	if panicValue != nil {
		if panicValue == goexitPanicValue {
			// Propagate runtime.Goexit from seq.
			runtime.Goexit()
		} else {
			panic(panicValue)
		}
	}
}
