package main

import "sync"

type registry struct {
	mu    sync.Mutex
	peers map[string]int
}

func main() {
	r := &registry{}
	r.peers = map[string]string{"a": "10.0.0.1"}
	_ = r
}
// go build: 12:12: cannot use map[string]string{…} (value of type map[string]string) as type map[string]int in assignment
