package main

import "sync"

func main() {
	var mu sync.Mutex
	if mu.Locked() {
		mu.Unlock()
	}
}
// go build: 7:8: mu.Locked undefined (type sync.Mutex has no field or method Locked)
