package main

import "sync"

func (m *sync.Mutex) TryIt() bool { return m.TryLock() }

func main() {}
// go build: 5:7: cannot define new methods on non-local type sync.Mutex
