package main

func produce(out chan<- int) {
	out <- 1
	v := <-out
	println(v)
}

func main() {
	ch := make(chan int, 2)
	produce(ch)
}
// go build: 5:9: invalid operation: cannot receive from send-only channel out (variable of type chan<- int)
