// []rune conversions and full slice expressions s[lo:hi:max] (an append past the capacity
// copies), with the runtime panic of a bound past the capacity. Expected output: `go run`
// (Go 1.19).
package main

import "fmt"

func main() {
	r := []rune("héllo, 世界")
	fmt.Println(len(r), string(r[1]), string(r[7:]), string([]rune{72, 105}))
	s := []int{1, 2, 3, 4, 5}
	t := s[1:2:3]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 9)
	fmt.Println(s)
	t = append(t, 10)
	fmt.Println(s, t)
	defer func() { fmt.Println(recover()) }()
	n := 6
	_ = s[:2:n]
}
