package main

import "strconv"

func main() {
	workers := strconv.Atoi("4") + 1
	_ = workers
}
// go build: 6:13: multiple-value strconv.Atoi("4") (value of type (int, error)) in single-value context
