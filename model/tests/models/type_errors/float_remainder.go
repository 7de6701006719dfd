package main

// % is defined on integers only.
func main() {
	progress := make(chan float64, 1)
	progress <- 42.5
	p := <-progress
	if p%10 == 0 {
		println("milestone")
	}
}
// go build: 8:5: invalid operation: operator % not defined on p (variable of type float64)
