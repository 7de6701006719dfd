package main

const huge = 1 << 600

func main() {
	println(huge >> 598)
}
// go build: 3:16: constant shift overflow
