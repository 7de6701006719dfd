package main

func main() {
	s := "a"
	var n int = s
	_ = n
}
// go build: 5:14: cannot use s (variable of type string) as type int in variable declaration
