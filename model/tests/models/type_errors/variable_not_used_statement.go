package main

func main() {
	ready := make(chan bool)
	go func() { ready <- true }()
	ready
}
// go build: 6:2: ready (variable of type chan bool) is not used
