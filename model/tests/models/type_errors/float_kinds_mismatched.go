package main

import "fmt"

type sample struct{ weight float32 }

// float32 and float64 are different types: no implicit conversion.
func main() {
	results := make(chan sample, 1)
	go func() { results <- sample{weight: 0.5} }()
	var total float64
	s := <-results
	total = total + s.weight
	fmt.Println(total)
}
// go build: 13:10: invalid operation: total + s.weight (mismatched types float64 and float32)
