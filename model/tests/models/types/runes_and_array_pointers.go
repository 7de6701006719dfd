package main

import "fmt"

// A fixed ring of slots shared through a pointer, and a parser's rune handling.
type ring struct {
	slots *[4]int
}

func lowBits(level int32, bits int32) bool {
	// A shift of an untyped constant, negated, takes the type of the other operand.
	return -(1 << bits) <= level
}

func main() {
	sep := ','
	fmt.Printf("%T %v %T\n", sep, sep, 'x'+1)
	for _, c := range "ab" {
		d := 'c' - c
		fmt.Printf("%T %v\n", d, d)
	}
	var empty ring
	count := 0
	for i := range empty.slots {
		count += i
	}
	r := ring{slots: &[4]int{1, 2, 3, 4}}
	total := 0
	for i, v := range r.slots {
		if i == 0 {
			r.slots[3] = 40
		}
		total += v
	}
	fmt.Println(count, total, len(r.slots), lowBits(-4, 2), lowBits(-5, 2))
	// A blank value reads no element: a nil pointer does not panic.
	for i, _ := range empty.slots {
		count += i
	}
	// The index of x[i] is evaluated before i is assigned.
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	fmt.Println(count, i, x)
	defer func() { fmt.Println("recovered:", recover()) }()
	for _, v := range empty.slots {
		fmt.Println(v)
	}
}
