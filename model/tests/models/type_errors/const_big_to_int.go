package main

const big = 1 << 100

func main() {
	n := int(big)
	_ = n
}
// go build: 6:11: cannot convert big (untyped int constant 1267650600228229401496703205376) to type int
