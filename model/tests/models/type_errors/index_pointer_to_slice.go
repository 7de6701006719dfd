// an index of a pointer to a slice.
package main

func main() {
	xs := []int{1}
	p := &xs
	_ = p[0]
}
// go build: 7:7: invalid operation: cannot index p (variable of type *[]int)
