package main

import "sync"

func main() {
	c := sync.NewCond(sync.Mutex{})
	c.Signal()
}
// go build: 6:20: cannot use sync.Mutex{} (value of type sync.Mutex) as type sync.Locker in argument to sync.NewCond:
// go build: sync.Mutex does not implement sync.Locker (Lock method has pointer receiver)
