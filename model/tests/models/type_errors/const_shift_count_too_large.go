package main

const m = 5 >> 1200

func main() {
	println(m)
}
// go build: 3:16: invalid operation: invalid shift count 1200 (untyped int constant)
