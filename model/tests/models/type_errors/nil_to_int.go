package main

func main() {
	var q int = nil
	_ = q
}
// go build: 4:14: cannot use nil as int value in variable declaration
