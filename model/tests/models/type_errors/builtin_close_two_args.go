package main

func main() {
	results := make(chan int)
	go func() { results <- 1 }()
	<-results
	close(results, results)
}
// go build: 7:2: invalid operation: too many arguments for close(results, results) (expected 1, found 2)
