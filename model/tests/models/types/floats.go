package main

// Floating-point values as fmt and println print them (every line is compared with go run).

import "fmt"

func main() {
	vals := []float64{0, 1, -1, 1.5, 0.1, 1e20, 1e21, 123456789, 1e-4, 1e-5, 3.14159265358979, 2.5e-8, 100, -0.0, 1.0 / 3}
	for _, v := range vals {
		fmt.Println(v)
		fmt.Printf("%v %f %.2f %g %e %.3g %6.2f|\n", v, v, v, v, v, v, v)
		println(v)
	}
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32), f32*3)
	println(f32)
	x := 10.0
	y := x / 4
	fmt.Println(y, int(y), int64(-y), float32(1)/3)
	var z float64
	fmt.Println(1/z, -1/z, z/z, z/z == z/z)
	fmt.Println(fmt.Sprint(1.5, 2.5), fmt.Sprint("a", 1.5))
	var i interface{} = 2.0
	fmt.Println(i)
}
