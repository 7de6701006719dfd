package main

func main() {
	var waiters []chan int
	ch := make(chan int)
	waiters = append(waiters, &ch)
	_ = waiters
}
// go build: 6:28: cannot use &ch (value of type *chan int) as type chan int in argument to append
