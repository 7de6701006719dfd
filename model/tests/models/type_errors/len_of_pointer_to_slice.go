// len of a pointer to a slice (gomc read the length through the pointer and crashed).
package main

func main() {
	xs := []int{1}
	p := &xs
	_ = len(p)
}
// go build: 7:10: invalid argument: p (variable of type *[]int) for len
