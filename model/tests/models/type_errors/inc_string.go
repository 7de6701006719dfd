package main

func main() {
	s := "a"
	s++
	println(s)
}
// go build: 5:2: invalid operation: s++ (non-numeric type string)
