package main

import "time"

func wait(d time.Duration) { time.Sleep(d) }

func main() {
	retries := 3
	wait(retries)
}
// go build: 9:7: cannot use retries (variable of type int) as type time.Duration in argument to wait
