package main

func main() {
	ch := make(chan int, 1)
	ch <- "hello"
}
// go build: 5:8: cannot use "hello" (untyped string constant) as int value in send
