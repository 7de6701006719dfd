package main

func main() {
	var done [2]bool
	workers := []int{1, 2}
	p := &done
	println(workers[-1], p[2])
}
// go build: 7:18: invalid argument: index -1 (constant of type int) must not be negative
