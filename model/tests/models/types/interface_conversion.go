// Conversions into interface types box the value with its dynamic type (model/tests/semantics_types.rs).
package main

import "fmt"

type state int

func main() {
	var a any = 5
	fmt.Println(a == any(5), any(state(1)) == any(1), any(state(1)) == any(state(1)))
	var e error = fmt.Errorf("x")
	fmt.Println(any(e) == any(e), interface{ Error() string }(e) != nil)
	fmt.Printf("%T %T\n", any(5), any(state(2)))
}
