package main

import "sync"

type guarded struct {
	mu sync.Mutex
	n  int
}

func current() guarded { return guarded{} }

func main() {
	current().mu.Lock()
}
// go build: 13:15: cannot call pointer method Lock on sync.Mutex
