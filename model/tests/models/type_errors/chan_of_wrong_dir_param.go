package main

func producer(out chan<- int) {
	out <- 1
	close(out)
}

func main() {
	ch := make(<-chan int)
	producer(ch)
}
// go build: 10:11: cannot use ch (variable of type <-chan int) as type chan<- int in argument to producer
