// Package cmp for models, after Go 1.23's src/cmp/cmp.go: Ordered, Compare, Less and Or, for
// slices.SortFunc comparators. gomc compiles this file with a model that imports "cmp"
// (Ordered keeps only its methods here, none, as every constraint: README, Generics).
package cmp

// Ordered is a constraint that permits any ordered type: any type that supports the
// operators < <= >= >.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

// Less reports whether x is less than y. A NaN is less than any non-NaN, and -0.0 is not
// less than (is equal to) 0.0.
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare returns -1 if x is less than y, 0 if x equals y, +1 if x is greater than y. A NaN
// is less than any non-NaN, a NaN equals a NaN, and -0.0 equals 0.0.
func Compare[T Ordered](x, y T) int {
	xNaN := isNaN(x)
	yNaN := isNaN(y)
	if xNaN {
		if yNaN {
			return 0
		}
		return -1
	}
	if yNaN {
		return +1
	}
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}

// isNaN reports whether x is a NaN without requiring the math package. This will always
// return false if T is not floating-point.
func isNaN[T Ordered](x T) bool {
	return x != x
}

// Or returns the first of its arguments that is not equal to the zero value. If no argument
// is non-zero, it returns the zero value.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
