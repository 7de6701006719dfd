package main

func main() {
	var batches [2][]int
	done := batches
	println(batches != done)
}
// go build: 6:10: invalid operation: batches != done ([2][]int cannot be compared)
