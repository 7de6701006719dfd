package main

// Floats in a defined type, variadic parameters, generic instances, select sends, pointers,
// interfaces and type switches (compared with go run).

import "fmt"

type Celsius float64

func sum(xs ...float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func Double[T int | float64](x T) T { return x * 2 }

func main() {
	var t Celsius = 20
	t = t + 1
	t++
	ch := make(chan float64, 1)
	select {
	case ch <- 1:
	default:
	}
	const c = 2
	f := 3.0
	arr := [3]float64{1, 2}
	arr[2] = 3
	var p *float64 = &f
	*p += 1
	*p++
	fmt.Println(t, <-ch, f*c, sum(1, 2.5), Double[float64](2), Double(1.5), arr, -f, f > 4, t/2)
	var i interface{} = 1.5
	if v, ok := i.(float64); ok {
		fmt.Println(v * 2)
	}
	switch v := i.(type) {
	case float64:
		fmt.Println("float", v+1)
	}
}
