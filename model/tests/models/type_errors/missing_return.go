package main

func pick(n int) int {
	for n > 0 {
		return n
	}
}

func main() {
	_ = pick(1)
}
// go build: 7:1: missing return
