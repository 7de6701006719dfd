package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500*time.Millisecond + 1234*time.Microsecond
	fmt.Println(d, d.Round(time.Millisecond), d.Truncate(time.Millisecond), d.Round(time.Second))
	fmt.Println(d.Round(time.Hour), (-d).Round(time.Millisecond), (-d).Truncate(time.Second))
	fmt.Printf("%v %s %d\n", d, d.Round(10*time.Millisecond), d.Milliseconds())
	fmt.Println(time.Duration(2500)*time.Millisecond, (90 * time.Minute).String(), time.Duration(0).Round(time.Second))
	fmt.Println((2 * time.Second).Round(0), time.Duration(-1<<63).Abs(), (1500 * time.Microsecond).Round(time.Millisecond))
	elapsed := 3*time.Second + 499*time.Millisecond
	fmt.Printf("took %v\n", elapsed.Round(time.Second))
	fmt.Printf("took %.1fs\n", elapsed.Seconds())
}
