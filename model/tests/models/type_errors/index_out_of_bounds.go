package main

func main() {
	var slots [3]chan int
	slots[5] = make(chan int)
}
// go build: 5:8: invalid argument: index 5 out of bounds [0:3]
