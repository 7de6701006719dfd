package leaky

import "time"

// Notify runs f in the background and reports whether it finished within d.
// When it does not, the goroutine stays blocked on its send forever.
func Notify(f func(), d time.Duration) bool {
	done := make(chan bool)
	go func() {
		f()
		done <- true
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
