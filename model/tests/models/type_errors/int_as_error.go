package main

func main() {
	var e error = 5
	_ = e
}
// go build: 4:16: cannot use 5 (constant of type int) as type error in variable declaration:
// go build: int does not implement error (missing Error method)
