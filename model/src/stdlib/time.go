// The timers of package time for models, mirroring Go 1.23's time/sleep.go and time/tick.go:
// a Timer or Ticker is its channel C plus the runtime timer that fills it (runtime/time.go).
// gomc compiles this file with the model when the model imports "time"; the rest of package
// time (Duration's constants, and Sleep under the untimed clock, where it is a yield) is built
// into the front end.
//
// The clock is the model's (program::Clock, the README's "Time"): untimed, a pending timer
// fires at any later point of the schedule whatever its duration; under synctest time, the
// clock advances to the earliest deadline once every goroutine is blocked, as in a Go 1.25
// testing/synctest bubble, which also starts its clock at midnight UTC, 2000-01-01
// (runtime/synctest.go synctestBaseTime). newTimerChan, newTickerChan, newFuncTimer,
// stopTimer, resetTimer and clockNow are gomc's timer primitives (semantics/timer.rs),
// visible only to this file.
package time

// Duration is an int64 count of nanoseconds, as in time.go.
type Duration = int64

// A Time is an instant on the model's clock, in nanoseconds since the Unix epoch (time.go's
// Time without wall/monotonic split or location: models compare and subtract instants).
type Time struct {
	ns int64
}

// synctestBase is the clock's reading when the program starts.
const synctestBase = 946684800000000000

// Now returns the current instant.
func Now() Time {
	return Time{synctestBase + clockNow()}
}

// Since returns the time elapsed since t.
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t.
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Unix returns the Time of the given Unix time.
func Unix(sec int64, nsec int64) Time {
	return Time{sec*1000000000 + nsec}
}

// Sub returns the duration t-u.
func (t Time) Sub(u Time) Duration {
	return t.ns - u.ns
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	return Time{t.ns + d}
}

// Before reports whether t is before u.
func (t Time) Before(u Time) bool {
	return t.ns < u.ns
}

// After reports whether t is after u.
func (t Time) After(u Time) bool {
	return t.ns > u.ns
}

// Equal reports whether t and u are the same instant.
func (t Time) Equal(u Time) bool {
	return t.ns == u.ns
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Time) Compare(u Time) int {
	if t.ns < u.ns {
		return -1
	}
	if t.ns > u.ns {
		return 1
	}
	return 0
}

// IsZero reports whether t is the zero Time.
func (t Time) IsZero() bool {
	return t.ns == 0
}

// UnixNano returns t as nanoseconds since the Unix epoch.
func (t Time) UnixNano() int64 {
	return t.ns
}

// UnixMilli returns t as milliseconds since the Unix epoch.
func (t Time) UnixMilli() int64 {
	return t.ns / 1000000
}

// Unix returns t as seconds since the Unix epoch.
func (t Time) Unix() int64 {
	return t.ns / 1000000000
}

// Sleep pauses the goroutine until d has passed on the clock; a non-positive d returns at
// once (runtime/time.go timeSleep). Under the untimed clock the front end makes time.Sleep a
// yield instead: with timers free to fire at any point, a sleep orders nothing.
func Sleep(d Duration) {
	if d <= 0 {
		return
	}
	<-newTimerChan(d)
}

// A Timer sends the current time once on C when it fires.
type Timer struct {
	C <-chan Time
	c chan Time
}

// After waits for the duration to elapse and then sends the current time on the returned
// channel: NewTimer(d).C.
func After(d Duration) <-chan Time {
	return newTimerChan(d)
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
	return resetTimer(t.c, d, false)
}

// AfterFunc waits for the duration to elapse and then calls f in its own goroutine. It
// returns a Timer whose Stop cancels the call; its C is nil.
func AfterFunc(d Duration, f func()) *Timer {
	return &Timer{c: newFuncTimer(d, f)}
}

// A Ticker sends on C at intervals until it is stopped; a tick finding C full is dropped.
type Ticker struct {
	C <-chan Time
	c chan Time
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
	resetTimer(t.c, d, true)
}

// Tick is NewTicker(d).C, or nil if d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
