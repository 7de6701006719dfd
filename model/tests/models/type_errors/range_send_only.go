package main

func collect(results chan<- int) {
	for r := range results {
		_ = r
	}
}

func main() {
	collect(make(chan int))
}
// go build: 4:17: cannot range over results (variable of type chan<- int) (receive from send-only channel)
