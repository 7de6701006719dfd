package main

func main() {
	y := uint8(300)
	_ = y
}
// go build: 4:13: cannot convert 300 (untyped int constant) to type uint8
