package main

import "time"

type Timeout time.Duration

func main() {
	var d time.Duration = time.Second
	var t Timeout = d
	_ = t
}
// go build: 9:18: cannot use d (variable of type time.Duration) as type Timeout in variable declaration
