// The timers of package time for models, mirroring Go 1.23's time/sleep.go and time/tick.go:
// a Timer or Ticker is its channel C plus the runtime timer that fills it (runtime/time.go).
// gomc compiles this file with the model when the model imports "time"; Sleep under the
// untimed clock, where it is a yield, is built into the front end.
//
// The clock is the model's (program::Clock, the README's "Time"): untimed, a pending timer
// fires at any later point of the schedule whatever its duration; under synctest time, the
// clock advances to the earliest deadline once every goroutine is blocked, as in a Go 1.25
// testing/synctest bubble, which also starts its clock at midnight UTC, 2000-01-01
// (runtime/synctest.go synctestBaseTime). newTimerChan, newTickerChan, newFuncTimer,
// stopTimer, resetTimer and clockNow are gomc's timer primitives (semantics/timer.rs),
// visible only to this file.
package time

// A Duration represents the elapsed time between two instants as an int64 nanosecond count
// (time.go).
type Duration int64

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string representing the duration in the form "72h3m0.5s", as time.go's
// Duration.String does: units below a second for durations under one, leading zero units
// omitted, the fraction's trailing zeros dropped, "0s" for zero.
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := int64(d)
	neg := u < 0
	if neg {
		u = -u
	}
	var s string
	if u < int64(Second) {
		switch {
		case u < int64(Microsecond):
			s = decimal(u, 0) + "ns"
		case u < int64(Millisecond):
			s = decimal(u, 3) + "µs"
		default:
			s = decimal(u, 6) + "ms"
		}
	} else {
		s = decimal(u%int64(Minute), 9) + "s"
		minutes := u / int64(Minute)
		if minutes > 0 {
			s = decimal(minutes%60, 0) + "m" + s
			if hours := minutes / 60; hours > 0 {
				s = decimal(hours, 0) + "h" + s
			}
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// decimal writes v / 10^prec in decimal, without the fraction's trailing zeros.
func decimal(v int64, prec int) string {
	digits := ""
	for i := 0; i < prec; i++ {
		digit := v % 10
		v /= 10
		if digits != "" || digit != 0 {
			digits = string(rune('0'+digit)) + digits
		}
	}
	whole := ""
	for {
		whole = string(rune('0'+v%10)) + whole
		v /= 10
		if v == 0 {
			break
		}
	}
	if digits == "" {
		return whole
	}
	return whole + "." + digits
}

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1000 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1000000 }

// Seconds returns the duration as a floating-point number of seconds (time.go's split into
// whole seconds and the rest, so that large durations keep their precision).
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating-point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating-point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns the result of rounding d to the nearest multiple of m, halfway values away
// from zero; the most extreme Duration when the result overflows (time.go).
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration // overflow
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration // overflow
}

// lessThanHalf reports whether x+x < y, for 0 <= x < y (time.go compares as uint64, past
// the int64 range; x < y-x cannot overflow here).
func lessThanHalf(x, y Duration) bool {
	return x < y-x
}

// The extreme Durations (time.go writes them as -1 << 63 and 1<<63 - 1).
const (
	maxDuration Duration = 9223372036854775807
	minDuration Duration = -maxDuration - 1
)

// Abs returns the absolute value of d; minDuration becomes maxDuration (time.go).
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

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
	return Duration(t.ns - u.ns)
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	return Time{t.ns + int64(d)}
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
