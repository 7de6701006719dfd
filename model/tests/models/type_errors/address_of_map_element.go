package main

import "sync"

type stats struct{ hits int }

func main() {
	var mu sync.Mutex
	byHost := map[string]stats{"a": {}}
	mu.Lock()
	s := &byHost["a"]
	s.hits++
	mu.Unlock()
}
// go build: 11:8: invalid operation: cannot take address of byHost["a"] (map index expression of type stats)
