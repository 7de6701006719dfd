package main

func main() {
	var head uint8 = 256
	_ = head
}
// go build: 4:19: cannot use 256 (untyped int constant) as uint8 value in variable declaration (overflows)
