// Calls of an element of a slice or map of functions with one argument and a name for an
// index, which tree-sitter parses as conversions to a generic type (frontend/indexcall.rs):
// as an expression, a statement, in go and defer, through a field, with a constant index.
// go run (Go 1.23) prints: 2, 12, 5, 30, 7, 40, go 9.
package main

import (
	"fmt"
	"time"
)

type Kind int

const (
	Add Kind = iota
	Double
)

type daemon struct {
	handlers map[Kind]func(int) int
	hooks    []func(int)
}

func main() {
	fns := []func(int) int{func(x int) int { return x + 1 }, func(x int) int { return x * 10 }}
	i := 0
	fmt.Println(fns[i](1))
	m := map[string]func(int) int{"a": fns[1]}
	k := "a"
	fmt.Println(m[k](1) + 2)
	d := &daemon{handlers: map[Kind]func(int) int{Add: fns[0], Double: fns[1]}}
	fmt.Println(d.handlers[Add](4))
	fmt.Println(d.handlers[Double](3))
	var last int
	d.hooks = append(d.hooks, func(x int) { last = x })
	d.hooks[i](7)
	fmt.Println(last)
	durations := map[time.Duration]func(int) int{time.Second: fns[1]}
	fmt.Println(durations[time.Second](4))
	done := make(chan int)
	send := []func(int){func(x int) { done <- x }}
	go send[i](9)
	defer fmt.Println("go", <-done)
}
