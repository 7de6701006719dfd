package main

import "sync"

type counter struct{ n int }

// Every variable below is used in a way that go build counts as a use, though none of them is
// read by a plain expression: an increment, a compound assignment, a field or element store,
// taking the address, a read in a closure.
func main() {
	hits := 0
	hits++
	total := 1
	total += 2
	var c counter
	c.n = 3
	var slots [2]int
	slots[0] = 4
	var mu sync.Mutex
	lock := &mu
	lock.Lock()
	lock.Unlock()
	v, err := 1, error(nil)
	w, err := 2, error(nil)
	_, _ = v, w
	_ = err
	seen := 0
	func() {
		println(seen)
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
	}()
	wg.Wait()
}
