package main

func read(ch chan int) (int, error) {
	return <-ch, nil
}

// err is declared, then assigned again by a redeclaring :=, and never read.
func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	first, err := read(ch)
	second, err := read(ch)
	println(first + second)
}
// go build: 12:9: err declared but not used
