package main

func main() {
	f := 1.0
	println(f / 0)
	var s []int
	println(s == s)
}
// go build: 7:10: invalid operation: s == s (slice can only be compared to nil)
