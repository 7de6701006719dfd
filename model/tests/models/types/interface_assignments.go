package main

import (
	"errors"
	"fmt"
)

func fetch() (int, error) { return 7, nil }

// Package variables declared with an interface type from one comma-ok value (Go's
// test/fixedbugs/issue53619.go).
var flag, present any = any(nil).(bool)

// And without a type: the second variable is the comma-ok bool (Go's
// test/fixedbugs/bug244.go was refused as an assignment mismatch).
var limits = map[string]int{"conns": 4}
var conns, haveConns = limits["conns"]

// Values going into interface-typed variables through every form of assignment that carries
// more than one value, or a received one: each is boxed with its dynamic type, so that it
// compares equal to a constant of that type and prints its type with %T.
func main() {
	var last any
	results := make(chan int, 3)
	results <- 1
	results <- 2
	select {
	case last = <-results:
	}
	fmt.Printf("%v %T %v\n", last == 1, last, last)

	var got any
	var ok bool
	got, ok = <-results
	fmt.Println(got == 2, ok)

	cache := map[string]int{"a": 1}
	var hit any
	hit, ok = cache["a"]
	fmt.Println(hit == 1, ok)

	var boxed any = 5
	var asserted any
	asserted, ok = boxed.(int)
	fmt.Println(asserted == 5, ok)

	var res any
	res, _ = fetch()
	fmt.Printf("%v %T\n", res == 7, res)

	var first any
	first, err := fetch()
	fmt.Println(first == 7, err)

	var key any
	key, n := "k", 2
	fmt.Println(key == "k", n)

	var e any
	for _, e = range []int{9} {
	}
	fmt.Println(e == 9)

	var failure error
	failure, ok = errors.New("x"), true
	fmt.Println(failure != nil, ok)

	var code, fetchErr any = fetch()
	var hit2, ok2 any = cache["b"]
	fmt.Printf("%v %v %T %v %v %T\n", code == 7, fetchErr, hit2, hit2 == 0, ok2 == false, ok2)
	fmt.Println(flag == false, present == false, conns, haveConns)
}
