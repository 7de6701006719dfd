package main

func next(ch chan int) int { return <-ch }

func main() {
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v := next(ch):
		_ = v
	default:
	}
}
// go build: 9:7: select case must be send or receive (possibly with assignment)
