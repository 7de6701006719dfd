package main

func main() {
	n := 5
	close(n)
}
// go build: 5:8: invalid operation: cannot close non-channel n (variable of type int)
