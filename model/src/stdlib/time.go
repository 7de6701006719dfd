// The timers of package time for models, mirroring Go 1.23's time/sleep.go and time/tick.go:
// a Timer or Ticker is its channel C plus the runtime timer that fills it (runtime/time.go).
// gomc compiles this file with the model when the model imports "time"; the rest of package
// time (Sleep, After, Duration and its constants) is built into the front end.
//
// The clock is abstract: a pending timer fires at any later point of the schedule, whatever
// its duration (the README's Semantics); durations are checked only where Go panics on them.
// newTimerChan, newTickerChan, newFuncTimer, stopTimer and resetTimer are gomc's timer
// primitives
// (semantics/timer.rs), visible only to this file.
package time

// Duration is an int64 count of nanoseconds, as in time.go.
type Duration = int64

// A Timer sends once on C when it fires.
type Timer struct {
	C <-chan int
	c chan int
}

// NewTimer creates a Timer that sends on its channel once it fires.
func NewTimer(d Duration) *Timer {
	c := newTimerChan(d)
	return &Timer{C: c, c: c}
}

// Stop prevents the Timer from firing. It returns true if the call stops the timer, false if
// the timer has already fired or been stopped. As of Go 1.23, no stale value is received
// from C after Stop returns.
func (t *Timer) Stop() bool {
	if t.c == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(t.c)
}

// Reset changes the timer to fire again; it returns true if the timer had been active.
func (t *Timer) Reset(d Duration) bool {
	if t.c == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(t.c, false)
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer whose Stop cancels the call; its C is nil.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{c: newFuncTimer(f)}
}

// A Ticker sends on C at intervals until it is stopped; a tick finding C full is dropped.
type Ticker struct {
	C <-chan int
	c chan int
}

// NewTicker returns a new Ticker; d must be greater than zero.
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := newTickerChan(d)
	return &Ticker{C: c, c: c}
}

// Stop turns off the ticker; it does not close C.
func (t *Ticker) Stop() {
	if t.c == nil {
		return
	}
	stopTimer(t.c)
}

// Reset stops the ticker and resets its period to d.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.c == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	resetTimer(t.c, true)
}

// Tick is NewTicker(d).C, or nil if d <= 0.
func Tick(d Duration) <-chan int {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
