package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	len(ch)
}
// go build: 6:2: len(ch) (value of type int) is not used
