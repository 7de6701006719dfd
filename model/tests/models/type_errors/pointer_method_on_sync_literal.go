package main

import "sync"

func main() {
	sync.WaitGroup{}.Add(1)
}
// go build: 6:19: cannot call pointer method Add on sync.WaitGroup
