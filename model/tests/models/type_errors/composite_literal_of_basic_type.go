package main

func main() {
	counts := make(chan int, 1)
	counts <- int{1}
	println(<-counts)
}
// go build: 5:12: invalid composite literal type int
