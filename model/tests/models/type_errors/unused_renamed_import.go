package main

import (
	r "math/rand"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
}
// go build: 4:2: imported and not used: "math/rand" as r
