package main

func main() {
	n := 3
	_ = n.(int)
}
// go build: 5:6: invalid operation: n (variable of type int) is not an interface
