// time.Duration as a defined type: its String method, conversions and methods. Expected
// output: `go run` (Go 1.19).
package main

import (
	"fmt"
	"time"
)

func main() {
	for _, d := range []time.Duration{0, 1, 1500, 2 * time.Millisecond, 1500 * time.Millisecond, 90 * time.Second, 3*time.Hour + 25*time.Minute + 100*time.Millisecond, -time.Second, time.Microsecond * 999} {
		fmt.Println(d)
	}
	n := 3
	d := time.Duration(n) * time.Second
	fmt.Println(d, d.Milliseconds(), d.Truncate(time.Minute), (-d).Abs())
	fmt.Printf("%v %s\n", d, d)
}
