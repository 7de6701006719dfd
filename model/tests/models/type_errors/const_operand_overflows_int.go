package main

const h = 1 << 63

func main() {
	x := 5
	x = x + h
	_ = x
}
// go build: 7:10: h (untyped int constant 9223372036854775808) overflows int
