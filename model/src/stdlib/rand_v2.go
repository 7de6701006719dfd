// math/rand/v2's generic N for models, mirroring Go 1.22's src/math/rand/v2/rand.go: a random
// value in [0, n) of n's own integer type. Each value is a choice of the checker, as for IntN
// (built into the front end), with the same visible bound on how many values one choice may
// have (semantics/limits.rs): N(100*time.Millisecond) is too many, so choose the values that
// matter (N(4) * 25 * time.Millisecond). gomc compiles this file with a model that imports
// "math/rand/v2".
package rand

// N returns a pseudo-random number in the half-open interval [0,n); it panics if n <= 0.
func N[Int ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(Int64N(int64(n)))
}
