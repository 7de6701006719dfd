package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	var x uint8 = 255
	x++
	var y int8 = 127
	y += 1
	z := uint16(70000 - 4465)
	var u uint32 = 0
	u--
	b := byte(200)
	b = b * 2
	fmt.Println(x, y, z, u, b, ^uint8(0), -y)
	var n int = 300
	fmt.Println(uint8(n), int8(n))
}
