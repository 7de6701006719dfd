package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	defer len(ch)
}
// go build: 6:8: defer discards result of len(ch) (value of type int)
