package main

const m = (1 << 500) * (1 << 500)

func main() {
	println(m > 0)
}
// go build: 3:22: constant multiplication overflow
