package main

import "sync"

func main() {
	var sessions sync.Map
	sessions.Store("alice")
}
// go build: 7:17: not enough arguments in call to sessions.Store
// go build: have (string)
// go build: want (any, any)
