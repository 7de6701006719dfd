package main

import (
	"fmt"
	"time"
)

// A rate limiter's refill: the bucket is full when its float level equals the capacity, an
// untyped integer constant that takes the float's type in the comparison.
const capacity = 4

type bucket struct{ level float64 }

func (b *bucket) refill(d time.Duration) {
	b.level += d.Seconds() * 2
	if b.level > capacity {
		b.level = capacity
	}
}

func main() {
	b := &bucket{}
	for i := 0; i < 3; i++ {
		b.refill(time.Second)
		fmt.Println(b.level, b.level == capacity, b.level != 4, 2 == b.level, b.level+1 == 5)
	}
	x := uint(5)
	y := float64(uint64(1) << x)
	var f32 float32 = 0.5
	fmt.Println(y == 32, y != 32, f32 == 0.5, f32*2 == 1)
}
