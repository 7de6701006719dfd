package main

import "sync"

type server struct {
	mu    sync.Mutex
	conns int
	mu    sync.RWMutex
}

func main() {}
// go build: 8:2: mu redeclared
// go build: 6:2: other declaration of mu
