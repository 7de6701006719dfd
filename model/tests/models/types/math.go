package main

// Package math as a retry backoff uses it, and its special values (compared with go run).

import (
	"fmt"
	"math"
	"time"
)

func backoff(attempt int) time.Duration {
	base := 100 * time.Millisecond
	d := time.Duration(float64(base) * math.Pow(2, float64(attempt)))
	return time.Duration(math.Min(float64(d), float64(5*time.Second)))
}

func main() {
	for i := 0; i < 8; i++ {
		fmt.Println(i, backoff(i))
	}
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7), math.Round(2.5), math.Round(-0.5))
	fmt.Println(math.Abs(-3.25), math.Max(3, 7), math.Min(-0.0, 0), math.Mod(7.5, 2), math.Pow(1.1, 10), math.Pow(10, -3))
	fmt.Println(math.Inf(1), math.Inf(-1), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.MaxInt64, math.MinInt64, math.MaxUint32)
	fmt.Println(math.Pi, math.E, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Pow(2, 0.5), math.Exp(1), math.Log(math.E))
	fmt.Printf("%.3f %.1f\n", math.Pow(1.5, 3.5), math.Sqrt(1e6))
}
