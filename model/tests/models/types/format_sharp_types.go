// fmt's %#v of more kinds of types (fmt/print.go, printValue under sharpV): generic types,
// nil named interfaces, functions and channels, arrays of struct literal types, embedded
// pointers, runes, unsigned and named unsigned map keys, a width (which pads each basic value),
// []byte inside an interface value ([]uint8), a pointer to an array. Expected output: `go run`
// (Go 1.19 and 1.23 print the same).
package main

import "fmt"

type Box[T any] struct{ V T }

type Shape interface{ Area() int }

type H struct {
	S  Shape
	F  func()
	C  chan int
	Ar [2]struct{ A uint8 }
	N  struct{ In struct{ Z float32 } }
	*Emb
}

type Emb struct{ Q int }

type K uint

func main() {
	fmt.Printf("%#v\n", Box[int]{1})
	fmt.Printf("%#v\n", Box[[]string]{nil})
	fmt.Printf("%#v\n", H{})
	fmt.Printf("%#v\n", []rune{'a'})
	fmt.Printf("%#v\n", map[uint]bool{1: true})
	fmt.Printf("%#v\n", map[K]string{2: "b"})
	fmt.Printf("|%#4v|\n", struct{ A, B int }{1, 2})
	fmt.Printf("%#v\n", []any{[]byte{1}, map[string]int(nil), (*int)(nil)})
	fmt.Printf("%#v\n", [1][]int{})
	fmt.Printf("%#v\n", &[2]int{1, 2})
	fmt.Printf("%#v\n", "tab\there\u00e9")
	fmt.Printf("%#v\n", struct{ e error }{})
}
