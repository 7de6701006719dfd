package main

import (
	"fmt"
	"log"
	"math/rand"
)

// A random back-off in [0, 3) chosen by the checker, logged; a worker that fails logs and
// panics, recovered by main. go run prints the log lines to stderr with a date and time,
// which gomc leaves out.
func main() {
	rand.Seed(1)
	backoff := rand.Intn(3)
	log.Printf("backoff %d", backoff)
	log.Println("attempt", 1, "of", 2)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, r.(string) == "worker 7 failed")
	}()
	log.Panicf("worker %d failed", 7)
}
