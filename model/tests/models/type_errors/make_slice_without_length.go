package main

func main() {
	results := make(chan []int)
	go func() {
		batch := make([]int)
		results <- append(batch, 1)
	}()
	println(len(<-results))
}
// go build: 6:12: invalid operation: make([]int) expects 2 or 3 arguments; found 1
