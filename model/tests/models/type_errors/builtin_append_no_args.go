package main

func main() {
	queue := []int{1}
	queue = append()
	_ = queue
}
// go build: 5:10: invalid operation: not enough arguments for append() (expected 1, found 0)
