package main

func main() {
	results := make(chan int, 1)
	go func() { results <- 1 }()
	_ = <-results
	total := _
	println(total)
}
// go build: 7:11: cannot use _ as value or type
