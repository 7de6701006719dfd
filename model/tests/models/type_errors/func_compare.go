package main

func a() {}
func b() {}

func main() {
	println(a == b)
}
// go build: 7:10: invalid operation: a == b (func can only be compared to nil)
