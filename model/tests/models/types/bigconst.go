package main

// Exact integer constants and unsigned 64-bit arithmetic (every line is compared with go run):
// constants past int64 fold exactly, and a uint64 at or above 2^63 divides, compares, shifts,
// converts and prints as Go's does.

import (
	"fmt"
	"math"
)

type ID uint64

type rec struct {
	N uint64
	s string
}

const (
	big   = 1 << 100
	four  = 1 << 70 >> 68
	split = math.MaxUint64 / (1 << 32)
)

func main() {
	fmt.Println(four, big>>98, big/(1<<90), -big>>99, big%1000003, big > 1<<99)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt, math.MinInt, math.MaxUint32, split)
	fmt.Println(float64(big), string(rune('a'+1)), -7/2, -7%2, -7>>1, ^-8, 5&^3)
	var g float64 = 1 << 80
	var g32 float32 = 1 << 100
	fmt.Println(g, g32, g*(1<<70))

	var u uint64 = math.MaxUint64
	fmt.Println(u, uint64(math.MaxUint64), ^uint64(0))
	u++
	fmt.Println(u)
	u--
	fmt.Println(u > 1<<63, 1<<63 < u, u/3, u%10, u>>1, u>>63, u/(1<<32))
	var h uint64 = 1 << 63
	fmt.Println(h, h-1, h+h, h*2, float64(h), float64(u))
	fmt.Printf("%d %x %X %o %b %v %08d\n", h, u, h, h, uint64(5), u, uint64(42))
	var w uint = math.MaxUint
	var p uintptr = 1<<64 - 2
	fmt.Println(w, p, w == math.MaxUint, int64(w), int(h))
	println(u, h, w)
	s := []uint64{u, h, 1}
	fmt.Println(s, rec{N: u}, ID(u))
	fmt.Printf("%v %+v\n", s, rec{N: h})
	f := 1.5e19
	fmt.Println(uint64(f), uint64(f)/10)
	var a any = u
	fmt.Println(a, fmt.Sprint(u, " ", h))
	var c uint64 = 10
	c -= 11
	fmt.Println(c, c > 5, c%7, c >= h, c <= h)
	var d uint32 = math.MaxUint32
	d++
	fmt.Println(d, uint32(u), uint8(u), int8(u))
	u /= 2
	u %= 1 << 62
	fmt.Println(u)

	// Constants past int64 in places of type uint64 and float32.
	u = math.MaxUint64
	switch u {
	case math.MaxUint64:
		fmt.Println("max")
	}
	m := map[uint64]bool{1 << 63: true}
	r := rec{N: 1 << 63}
	arr := [2]uint64{1: math.MaxUint64}
	fmt.Println(m, r, arr, u == math.MaxUint64, u != 1<<63)
	var f32 float32 = math.MaxUint64
	fmt.Println(f32, u&(1<<63) != 0, u&^(1<<63), u|1<<62, u^(1<<63))
}
