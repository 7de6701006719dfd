package main

import "time"

func main() {
	time.Sleep(1.5)
}
// go build: 6:13: cannot use 1.5 (untyped float constant) as time.Duration value in argument to time.Sleep (truncated)
