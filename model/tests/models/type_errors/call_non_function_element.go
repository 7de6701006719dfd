// A call of a slice element that is not a function; the grammar reads `xs[i](1)` as a
// conversion to a generic type (frontend/indexcall.rs).
package main

func main() {
	xs := []int{1}
	i := 0
	_ = xs[i](1)
}
// go build: 8:6: invalid operation: cannot call non-function xs[i] (variable of type int)
