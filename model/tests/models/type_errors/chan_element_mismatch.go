package main

func collect(out chan string, n int) {
	for i := 0; i < n; i++ {
		out <- "done"
	}
}

func main() {
	results := make(chan int, 2)
	go collect(results, 2)
	<-results
}
// go build: 11:13: cannot use results (variable of type chan int) as type chan string in argument to collect
