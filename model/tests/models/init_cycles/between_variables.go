// Two limits defined in terms of each other.
package main

var maxConns = maxIdle + 1
var maxIdle = maxConns - 1

func main() {
	println(maxConns, maxIdle)
}
// go1.23 build: 4:5: initialization cycle for maxConns
// go1.23 build: between_variables.go:4:5: maxConns refers to
// go1.23 build: between_variables.go:5:5: maxIdle refers to
// go1.23 build: between_variables.go:4:5: maxConns
