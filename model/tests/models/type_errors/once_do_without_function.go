package main

import "sync"

var once sync.Once

func setup() {}

func main() {
	once.Do()
	setup()
}
// go build: 10:2: not enough arguments in call to once.Do
// go build: have ()
// go build: want (func())
