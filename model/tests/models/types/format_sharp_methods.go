// fmt's %#v and methods (fmt/print.go, handleMethods under sharpV): GoString is called, on an
// operand of a type that has it (a pointer's method set included) and on one that went in as
// an interface value, also forwarded by a logging wrapper and in fmt.Errorf; String and Error
// are not. Plus the widths, library types and named slices of %#v. Expected output: `go run`
// (Go 1.19 and 1.23 print the same).
package main

import (
	"errors"
	"fmt"
	"time"
)

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G(%d)", g.v) }

type PG struct{ v int }

func (g *PG) GoString() string { return "PG" }

type Sv struct{ v int }

func (s Sv) String() string { return "sv" }

type E struct{ msg string }

func (e E) Error() string { return e.msg }

type B []byte

func logf(format string, args ...any) {
	fmt.Printf(format, args...)
}

func main() {
	fmt.Println(fmt.Errorf("%#v %v", Sv{1}, Sv{2}))
	fmt.Println(fmt.Errorf("%#v", G{3}))
	var x any = G{4}
	fmt.Printf("%#v\n", x)
	logf("%#v %#v %v\n", G{5}, Sv{6}, Sv{7})
	fmt.Printf("%#v %#v\n", &PG{1}, PG{1})
	var err error = E{"boom"}
	fmt.Printf("%#v %v\n", err, err)
	fmt.Printf("%#v\n", struct{ D time.Duration }{time.Second})
	fmt.Printf("|%#6v|%#-4v|\n", 1, "a")
	fmt.Printf("%#v\n", B{1})
	fmt.Printf("%#v %#v\n", [0]int{}, map[string]int{})
	fmt.Printf("%#v %#v\n", int64(-5), uint16(65535))
	fmt.Printf("%#v\n", []any{uint8(1), int32(2), float32(1.5), "x", true})
	fmt.Printf("%#v\n", [][]byte{{1}, nil})
	fmt.Printf("%#v\n", []Sv{{1}})
	fmt.Println(fmt.Sprintf("%#v", errors.New("made")))
}
