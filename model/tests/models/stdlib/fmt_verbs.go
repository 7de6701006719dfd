// Go 1.23's fmt verbs, flags and composite values: each line as `go run` (Go 1.23.5) prints
// it (model/tests/semantics_fmt.rs).
package main

import (
	"errors"
	"fmt"
	"time"
)

type state int

func (s state) String() string {
	switch s {
	case 0:
		return "idle"
	case 1:
		return "busy"
	}
	return "other"
}

type point struct {
	X, Y int
}

type job struct {
	Name string
	Pos  point
	tags []string
}

type node struct {
	ID   int
	Next *node
}

func main() {
	var i8 int8 = -5
	var u8 uint8 = 200
	var u16 uint16 = 65535
	var i64 int64 = -1 << 40
	var u uint = 42
	var r rune = 'x'
	var b byte = 'A'
	fmt.Printf("c01|%d %d %d %d %d %d %d|\n", i8, u8, u16, i64, u, r, b)
	fmt.Printf("c02|%5d|%-5d|%05d|%+d|%+d|\n", -42, -42, -42, 7, -7)
	fmt.Printf("c03|%x|%X|%x|%o|%b|%O|\n", -255, 255, i8, 8, 5, 8)
	fmt.Printf("c04|%5.2f|%08.3f|%e|%g|%g|%.3g|%E|%G|\n", 3.14159, -3.14159, 1234.5678, 0.000001234, 1e21, 3.14159, 1234.5678, 1e-7)
	fmt.Printf("c05|%t|%v|%5t|\n", true, false, true)
	p := point{1, 2}
	fmt.Printf("c07|%v|%+v|\n", &p, &p)
	j := job{"a", point{3, 4}, []string{"x"}}
	fmt.Printf("c08|%v|%+v|\n", j, j)
	ps := []point{{1, 2}, {3, 4}}
	fmt.Printf("c09|%v|%+v|\n", ps, ps)
	mi := map[int]string{3: "c", 1: "a", 2: "b"}
	ms := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Printf("c10|%v|%v|\n", mi, ms)
	base := errors.New("base")
	w := fmt.Errorf("wrap: %w", base)
	fmt.Printf("c11|%v|%s|%q|\n", w, w, w)
	d := 1500 * time.Millisecond
	fmt.Printf("c12|%v|%s|%d|\n", d, d, d)
	var err error
	fmt.Printf("c13|%v|\n", err)
	var np *node
	fmt.Printf("c14|%v|%+v|\n", np, np)
	var f func()
	var ch chan int
	fmt.Printf("c15|%v|%v|\n", f == nil, ch)
	bs := []byte("hi")
	fmt.Printf("c16|%s|%x|%X|%v|%q|\n", bs, bs, bs, bs, bs)
	fmt.Printf("c17|%c|%q|%U|%#U|%d|\n", 'λ', 'λ', 'λ', 'λ', 'λ')
	fmt.Printf("c18|%-10s|%10s|%.2s|%q|%x|% x|\n", "go", "go", "golang", "a\"b", "hi", "hi")
	fmt.Println("c19", fmt.Sprint("a", 1, 2, "b", "c", 3.5, true, false))
	fmt.Println("c20", 1, "a", 2.5, nil, true)
	var ns []int
	var nm map[string]int
	fmt.Printf("c21|%v|%v|%d|\n", ns, nm, ns)
	fmt.Println("c22", ns, nm)
	ss := []string{"a", "b"}
	fmt.Printf("c23|%q|%x|%v|%s|\n", ss, ss, ss, ss)
	nested := [][]state{{0, 1}, {1}}
	fmt.Printf("c25|%v|\n", nested)
	fmt.Printf("c26|%v|%d|%s|\n", state(1), state(1), state(0))
	n2 := &node{ID: 1, Next: &node{ID: 2}}
	fmt.Printf("c27|%v|\n", n2.Next.Next)
	fmt.Printf("c28|%d|%s|\n", "str", 5)
	fmt.Printf("c31|%v|%v|\n", int8(-128), uint64(1<<62))
	fmt.Printf("c32|%6.2f%%|\n", 99.5)
	fmt.Printf("c33|%v|%v|%v|\n", float32(0.1), 0.1, 1e6)
	fmt.Printf("c34|%v|%v|\n", [3]int{1, 2, 3}, [2]bool{true})
	fmt.Printf("c35|%x|%X|\n", "Hello", []byte{1, 71})
	fmt.Printf("c36|%#x|%#o|%#v|%#v|\n", 255, 8, "s", 42)
	fmt.Printf("c37|%3c|%-4q|\n", 'a', 'b')
	fmt.Printf("c38|%v|%v|\n", struct{}{}, struct{ A []int }{nil})
	fmt.Printf("c39|% d|% d|\n", 5, -5)
	fmt.Printf("c40|%s|%v|\n", errors.Join(errors.New("a"), errors.New("b")), []error{base, nil})
	fmt.Printf("c41|%v|%s|\n", []any{1, "a", nil}, []any{1, "a"})
	fmt.Printf("c42|%5v|%-6v|%05v|\n", 42, "ab", 7)
	fmt.Printf("c43|%v|\n", map[string][]int{"a": {1}, "b": nil})
	fmt.Printf("c44|%.1f|%.0f|%.0f|%.0f|\n", 0.05, 0.5, 1.5, 2.5)
	fmt.Printf("c45|%t|\n", 1)
	fmt.Printf("c46|%8.3e|%-8.1g|\n", 12345.678, 0.5)
	fmt.Println("c47", []state{0, 1}, map[string]state{"a": 1})
	fmt.Printf("c48|%q|%v|\n", []state{0, 1}, &[]int{1})
	var mp map[int]*node
	fmt.Printf("c49|%v|%v|\n", mp, []*node{nil})
	fmt.Print("c50|", 1, 2, "|", "x", 3, "\n")
	fmt.Printf("|%05s|%05q|%5v|%05v|%5d|%x|%X|\n", "ab", "a", point{1, 2}, point{1, 2}, []int{1, 2}, []int{255, -1}, "hi")
	fmt.Printf("|%q|%q|%+q|%d|%s|\n", "a\x01\u00ad\t", 'a', "é", true, nil)
	fmt.Printf("|%v|%d|\n", map[string][]int{"a": nil}, map[string]int{"a": 1})
	fmt.Printf("|%6.2v|%.3v|%10.3e|%-8.2f|\n", 3.14159, "abcdef", 1.0, 2.0)
	fmt.Printf("|%c|%U|%q|%x|%o|%#o|%#b|\n", 65, 0x1F600, 0x1F600, uint8(10), -8, -8, 5)
	var e2 error
	fmt.Printf("|%d|%s|%x|\n", e2, e2, nil)
	fmt.Printf("|%05d|%+05d|%-05d|% 05d|\n", -3, 3, 3, 3)
	fmt.Printf("|%8.3x|%.0d|%.3d|\n", 10, 0, 7)
	fmt.Printf("c51|%v|%d|\n", map[state]int{1: 2, 0: 5, 7: 1}, map[state]int{1: 2})
	fmt.Println("c52", map[state]*node{1: nil}, map[state]state{0: 1})
}
