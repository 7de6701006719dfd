package main

import "math"

func main() {
	var e int64 = math.MaxUint64
	_ = e
}
// go build: 6:16: cannot use math.MaxUint64 (untyped int constant 18446744073709551615) as int64 value in variable declaration (overflows)
