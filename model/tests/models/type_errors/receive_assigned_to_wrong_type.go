package main

func main() {
	results := make(chan int, 1)
	results <- 1
	var last string
	last = <-results
	_ = last
}
// go build: 7:9: cannot use <-results (comma, ok expression of type int) as type string in assignment
