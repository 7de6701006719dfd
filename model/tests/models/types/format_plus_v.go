// fmt's %+v (fmt/print.go, plusV): struct field names, also inside pointers, slices, arrays,
// maps and interface values, local struct types included, in fmt.Errorf too; no sign on
// numbers, as %v. Printed from a goroutine, as engineers log. Expected output: `go run`
// (Go 1.19).
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Inner struct{ X int }

type Outer struct {
	In   Inner
	Any  any
	List []Inner
	Arr  [1]Inner
	M    map[string]Inner
	Err  error
	Name string
}

type Stringy struct{ v int }

func (s Stringy) String() string { return fmt.Sprint("S", s.v) }

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		type pair struct {
			k string
			v int
		}
		o := Outer{In: Inner{1}, Any: Inner{3}, List: []Inner{{4}}, Arr: [1]Inner{{6}},
			M: map[string]Inner{"k": {5}}, Err: errors.New("boom"), Name: "o"}
		fmt.Printf("%+v\n", o)
		fmt.Printf("%+v %+v %v\n", pair{"b", 2}, &pair{"c", 3}, pair{"d", 4})
		fmt.Printf("%+v %+v %+v %+v %+v\n", 5, -5, 1.5, "s", true)
		var np *Inner
		var e error
		fmt.Printf("%+v %+v %+v %+v\n", np, []*Inner{}, e, Stringy{7})
		fmt.Printf("%+d %v\n", 5, Inner{8})
		s := fmt.Sprintf("%+v", []any{Inner{9}, 10})
		fmt.Println(s)
		fmt.Println(fmt.Errorf("bad %+v: %w", &pair{"e", 5}, errors.New("x")))
	}()
	wg.Wait()
}
