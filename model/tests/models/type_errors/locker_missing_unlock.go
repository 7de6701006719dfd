package main

import "sync"

type spin struct{ held bool }

func (s *spin) Lock() { s.held = true }

func main() {
	var l sync.Locker = &spin{}
	l.Lock()
}
// go build: 10:22: cannot use &spin{} (value of type *spin) as type sync.Locker in variable declaration:
// go build: *spin does not implement sync.Locker (missing Unlock method)
