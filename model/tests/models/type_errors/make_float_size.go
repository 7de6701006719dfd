package main

func main() {
	f := 2.5
	ch := make(chan int, f)
	ch2 := make([]int, -1)
	_, _ = ch, ch2
}
// go build: 5:23: invalid argument: index f (variable of type float64) must be integer
