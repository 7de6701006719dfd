package main

import "time"

// A Duration constant times 1.5 converts 1.5 to Duration first: it is truncated.
func main() {
	timeout := time.Second * 1.5
	select {
	case <-time.After(timeout):
	}
}
// go build: 7:27: 1.5 (untyped float constant) truncated to int64
