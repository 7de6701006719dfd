package main

func main() {
	ch := make(chan int, 1)
	var r <-chan int = ch
	r <- 1
}
// go build: 6:2: invalid operation: cannot send to receive-only channel r (variable of type <-chan int)
