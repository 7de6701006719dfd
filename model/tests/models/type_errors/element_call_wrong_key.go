// A call of a map element with a key of the wrong type, parsed as a conversion to a generic
// type (frontend/indexcall.rs).
package main

func main() {
	handlers := map[string]func(int) int{}
	kind := 3
	_ = handlers[kind](1)
}
// go build: 8:15: cannot use kind (variable of type int) as type string in map index
