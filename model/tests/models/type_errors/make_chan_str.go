package main

func main() {
	ch := make(chan int, "4")
	close(ch)
}
// go build: 4:23: cannot convert "4" (untyped string constant) to int
