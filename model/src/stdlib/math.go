// Package math for models, mirroring Go 1.23's src/math: the constants, and the functions a
// concurrent program tends to use (backoff, rates, averages). Sqrt, Floor, Ceil, Trunc, Mod,
// Exp, Log and Pow are gomc's primitives (model/src/semantics/gomath.rs); the rest is written
// here as Go writes it. gomc compiles this file with a model that imports "math".
package math

// Mathematical constants (const.go).
const (
	E   = 2.71828182845904523536028747135266249775724709369995957496696763
	Pi  = 3.14159265358979323846264338327950288419716939937510582097494459
	Phi = 1.61803398874989484820458683436563811772030917980576286213544862

	Sqrt2 = 1.41421356237309504880168872420969807856967187537694807317667974
	Ln2   = 0.693147180559945309417232121458176568075500134360255254120680009
	Ln10  = 2.30258509299404568401799145468436420760110148862877297603332790

	MaxFloat32             = 3.40282346638528859811704183484516925440e+38
	SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45
	MaxFloat64             = 1.79769313486231570814527423731704356798070e+308
	SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324

	// Integer limit values (const.go). gomc's constants are exact, as Go's are, so these are
	// the same expressions; the platform is 64-bit.
	intSize = 64

	MaxInt    = 1<<(intSize-1) - 1
	MinInt    = -1 << (intSize - 1)
	MaxInt8   = 1<<7 - 1
	MinInt8   = -1 << 7
	MaxInt16  = 1<<15 - 1
	MinInt16  = -1 << 15
	MaxInt32  = 1<<31 - 1
	MinInt32  = -1 << 31
	MaxInt64  = 1<<63 - 1
	MinInt64  = -1 << 63
	MaxUint   = 1<<intSize - 1
	MaxUint8  = 1<<8 - 1
	MaxUint16 = 1<<16 - 1
	MaxUint32 = 1<<32 - 1
	MaxUint64 = 1<<64 - 1
)

var zero float64

// Inf returns positive infinity if sign >= 0, negative infinity if sign < 0.
func Inf(sign int) float64 {
	if sign >= 0 {
		return 1 / zero
	}
	return -1 / zero
}

// NaN returns an IEEE 754 "not-a-number" value.
func NaN() float64 { return zero / zero }

// IsNaN reports whether f is an IEEE 754 "not-a-number" value.
func IsNaN(f float64) bool { return f != f }

// IsInf reports whether f is an infinity, according to sign.
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool { return x < 0 || x == 0 && 1/x < 0 }

// Abs returns the absolute value of x.
func Abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	if x == 0 {
		return 0
	}
	return x
}

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	if Signbit(f) != Signbit(sign) {
		return -f
	}
	return f
}

// Max returns the larger of x or y (dim.go's special cases: +Inf, NaN, and +0 over -0).
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	}
	if x > y {
		return x
	}
	return y
}

// Min returns the smaller of x or y (dim.go's special cases: -Inf, NaN, and -0 over +0).
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	}
	if x < y {
		return x
	}
	return y
}

// Sqrt returns the square root of x.
func Sqrt(x float64) float64 { return sqrt(x) }

// Floor returns the greatest integer value less than or equal to x.
func Floor(x float64) float64 { return floor(x) }

// Ceil returns the least integer value greater than or equal to x.
func Ceil(x float64) float64 { return ceil(x) }

// Trunc returns the integer value of x.
func Trunc(x float64) float64 { return trunc(x) }

// Round returns the nearest integer, rounding half away from zero.
func Round(x float64) float64 {
	t := Trunc(x)
	if Abs(x-t) >= 0.5 {
		return t + Copysign(1, x)
	}
	return t
}

// Mod returns the floating-point remainder of x/y, with the sign of x.
func Mod(x, y float64) float64 { return mod(x, y) }

// Exp returns e**x.
func Exp(x float64) float64 { return exp(x) }

// Log returns the natural logarithm of x.
func Log(x float64) float64 { return log(x) }

// Pow returns x**y.
func Pow(x, y float64) float64 { return pow(x, y) }
