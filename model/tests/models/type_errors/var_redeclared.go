package main

func main() {
	x := 1
	var x int
	_ = x
}
// go build: 5:6: x redeclared in this block
// go build: var_redeclared.go:4:2: other declaration of x
