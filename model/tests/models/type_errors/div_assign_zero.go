package main

func main() {
	n := 3
	n /= 0
	n %= 0
}
// go build: 5:7: invalid operation: division by zero
