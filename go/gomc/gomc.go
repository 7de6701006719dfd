// Package gomc is the helper package of gomc models: the choices a model leaves open, such as
// an outcome it abstracts (a compile that may fail, a directory that may not be created).
//
// Under gomc (gomc check, gomc test) a call is a branch point: every value it can return is
// explored, each in executions of its own, so a verdict covers all of them. Built and run by
// the Go toolchain (go/model.sh in the gomc repository), a call returns one value picked at
// random, so that a model is also an ordinary Go program that builds, vets and runs.
package gomc

import (
	"math/rand"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	random = rand.New(rand.NewSource(time.Now().UnixNano()))
)

// Choose returns a value in 0..n-1. Under gomc every one of the n values is explored; run by
// Go, one is picked at random. It panics with "gomc.Choose: n must be positive" when n <= 0,
// as it does under gomc.
func Choose(n int) int {
	if n <= 0 {
		panic("gomc.Choose: n must be positive")
	}
	mu.Lock()
	defer mu.Unlock()
	return random.Intn(n)
}

// Bool returns false or true. Under gomc both are explored; run by Go, one is picked at
// random.
func Bool() bool {
	return Choose(2) == 1
}
