package main

import "time"

func main() {
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	for range ticker {
		break
	}
}
// go build: 8:12: cannot range over ticker (variable of type *time.Ticker)
