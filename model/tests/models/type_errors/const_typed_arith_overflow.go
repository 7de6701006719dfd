package main

const c uint8 = 255

const d = c + 1

func main() {
	println(d)
}
// go build: 5:11: c + 1 (constant 256 of type uint8) overflows uint8
