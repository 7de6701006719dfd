package main

import (
	"errors"
	"fmt"
)

type id int

var errTimeout = errors.New("timeout")

// A retry budget per error and a registry keyed by any: keys of different dynamic types are
// different keys, even with the same underlying value.
func main() {
	m := map[any]int{}
	m[1] = 10
	m[id(1)] = 20
	m["1"] = 30
	var k any = 1
	v, ok := m[id(2)]
	fmt.Println(m[k], m[1], m[id(1)], m["1"], len(m), v, ok)
	delete(m, k)
	delete(m, id(7))
	fmt.Println(len(m), m[1], m[id(1)])
	budget := map[error]int{errTimeout: 3}
	budget[errTimeout]--
	var err error = errTimeout
	fmt.Println(budget[err], budget[errors.New("timeout")])
}
