// fmt's %#v (fmt/print.go, printValue under sharpV): Go syntax with type names, field names
// and commas, nil slices, maps, pointers and interfaces as `[]int(nil)`, unsigned integers
// in hexadecimal, strings quoted, GoString methods called, String methods not. Values whose
// Go text holds an address (a pointer inside a value, a channel) are left out: gomc prints no
// addresses (README, fmt). Expected output: `go run` (Go 1.19 and 1.23 print the same).
package main

import (
	"errors"
	"fmt"
	"time"
)

type P struct {
	X int
	S string
}

type ID int
type U uint8
type Name string

type Inner struct{ A int }

type Outer struct {
	Inner
	In   Inner
	L    []int
	M    map[string]int
	Any  any
	Err  error
	F    float64
	B    bool
	Bs   []byte
	U    uint
	Ptr  *P
	Arr  [2]int
	Name Name
}

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G(%d)", g.v) }

type Sv struct{ v int }

func (s Sv) String() string { return "sv" }

func logf(format string, args ...any) {
	fmt.Printf(format, args...)
}

func main() {
	fmt.Printf("%#v\n", P{1, "a"})
	fmt.Printf("%#v\n", []int{1, 2})
	fmt.Printf("%#v\n", "s")
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Printf("%#v\n", &P{2, "b"})
	var ns []int
	var nm map[string]int
	var ni any
	var np *P
	fmt.Printf("%#v %#v %#v %#v\n", ns, nm, ni, np)
	fmt.Printf("%#v %#v %#v\n", ID(3), U(3), Name("n"))
	fmt.Printf("%#v %#v %#v %#v %#v\n", true, 1.0, 2.5, 1e21, float32(0.1))
	fmt.Printf("%#v\n", errors.New("x"))
	fmt.Printf("%#v\n", time.Second)
	fmt.Printf("%#v\n", [2]int{1, 2})
	fmt.Printf("%#v\n", []byte{1, 2})
	fmt.Printf("%#v\n", G{4})
	fmt.Printf("%#v\n", Sv{5})
	fmt.Printf("%#v\n", []any{1, "a", nil, P{}})
	fmt.Printf("%#v\n", Outer{Inner: Inner{1}, In: Inner{2}, Bs: []byte{3}, U: 7, Arr: [2]int{1, 2}, Name: "q"})
	fmt.Printf("%#v\n", []P{{1, "a"}})
	fmt.Printf("%#v\n", map[ID][]string{1: {"x"}})
	fmt.Printf("%#v\n", struct{ A int }{1})
	fmt.Printf("%#v\n", []*P{nil})
	fmt.Printf("%#v %#v\n", uint64(10), int8(-3))
	fmt.Printf("%#x %#q %#o %#X %#q\n", 255, "a\"b", 8, "hi", "a`b")
	var e error
	fmt.Printf("%#v\n", []error{e})
	fmt.Printf("%#v\n", [][]int{{1}, nil})
	fmt.Printf("%#v\n", map[string]any{"k": []int(nil)})
	fmt.Printf("%#v %#v\n", 'x', byte('x'))
	fmt.Printf("%#v\n", struct{}{})
	fmt.Printf("%#v\n", []string{})
	fmt.Printf("%#v\n", map[P]bool{{1, "a"}: true})
	fmt.Printf("%#v\n", []float64{1, 2.5})
	fmt.Println(fmt.Sprintf("%#v", uint(0)), fmt.Sprintf("%#+v", P{}))
	var ch chan int
	var fn func()
	fmt.Printf("%#v %#v\n", ch, fn)
	fmt.Printf("%#v\n", &[]int{1})
	fmt.Printf("%#v\n", &map[string]int{"a": 1})
	fmt.Printf("%#v\n", uint64(18446744073709551615))
	var err error = errors.New("boxed")
	fmt.Printf("%#v %v\n", err, fmt.Errorf("e: %#v", P{3, "c"}))
	logf("%#v %v\n", P{4, "d"}, Sv{6})
}
