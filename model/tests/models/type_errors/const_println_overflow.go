package main

import "fmt"

func main() {
	fmt.Println(1 << 70)
}
// go build: 6:14: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in argument to fmt.Println (overflows)
