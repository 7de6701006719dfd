package main

func main() {
	var load float64 = 0.75
	flags := load & 1
	_ = flags
}
// go build: 5:11: invalid operation: operator & not defined on load (variable of type float64)
