package main

import "sync"

var limits = map[string]int{
	"reads":  4,
	"writes": 2,
	"reads":  8,
}

func main() {
	var wg sync.WaitGroup
	for name := range limits {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = name
		}()
	}
	wg.Wait()
}
// go build: 8:2: duplicate key "reads" in map literal
