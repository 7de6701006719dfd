package main

import "errors"

func main() {
	err := errors.New(42)
	println(err)
}
// go build: 6:20: cannot use 42 (untyped int constant) as string value in argument to errors.New
