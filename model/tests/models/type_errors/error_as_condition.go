package main

import "errors"

func main() {
	err := errors.New("closed")
	if err {
		println("failed")
	}
}
// go build: 7:5: non-boolean condition in if statement
