package main

import (
	"context"
	"fmt"
)

type state int

type level bool

type key string

// A request's phase travels in its context as an any; the handler switches on it.
func phase(ctx context.Context) string {
	switch p := ctx.Value(key("phase")); p {
	case nil:
		return "none"
	case 1:
		return "int one"
	case state(1):
		return "state one"
	case "drain", "stop":
		return fmt.Sprint("string ", p)
	case true:
		return "bool true"
	case level(true):
		return "level true"
	}
	return "other"
}

func main() {
	base := context.Background()
	for _, v := range []any{nil, 1, state(1), "drain", "stop", true, level(true), 2.5} {
		ctx := base
		if v != nil {
			ctx = context.WithValue(base, key("phase"), v)
		}
		fmt.Println(phase(ctx))
	}
	// A tagless switch compares each case with true, an interface case too.
	for _, v := range []any{true, false, "true"} {
		switch {
		case v:
			fmt.Println("true:", v)
		default:
			fmt.Println("not true:", v)
		}
	}
	// len and cap of an array are constants: a nil pointer to one is not dereferenced.
	var buf *[4]byte
	const n = len(buf)
	var ring [8]int
	fmt.Println(n, cap(ring), len(buf))
	// A shift of an untyped constant takes the type of the other operand.
	var mask uint64
	for bit := 60; bit < 64; bit++ {
		mask |= 1 << bit
	}
	fmt.Println(mask, mask == 1e3 || mask > 1e18)
	// A case constant takes the tag's type: a float constant on an integer tag (past 2^63
	// for a uint64), an integer constant on a float tag (Go's test/fixedbugs/issue43480.go).
	for _, n := range []uint64{1000, 1e19} {
		switch n {
		case 1e3:
			fmt.Println("thousand")
		case 1e19:
			fmt.Println("ten quintillion")
		}
	}
	ratio := 0.5 * 4
	switch ratio {
	case 2:
		fmt.Println("two")
	default:
		fmt.Println("not two")
	}
}
