package main

// Untyped constants stored into float places: ++, op=, fields, sends, appends, map entries,
// switch cases (compared with go run).

import "fmt"

type stat struct {
	rate  float64
	ratio float32
}

func avg(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total / float64(len(xs))
}

func main() {
	s := stat{rate: 1, ratio: 2}
	s.rate++
	s.rate += 2
	s.ratio -= 1
	s.rate *= 3
	ch := make(chan float64, 2)
	ch <- 1
	ch <- 2.5
	fs := []float64{1, 2}
	fs = append(fs, 3)
	m := map[string]float64{"a": 1}
	m["a"] += 1
	m["b"] = 4
	var x float64 = 5
	x /= 2
	fmt.Println(s.rate, s.ratio, <-ch, <-ch, avg(fs), m["a"], m["b"], x, avg(nil))
	switch x {
	case 2.5:
		fmt.Println("x is 2.5")
	case 3:
		fmt.Println("x is 3")
	}
}
