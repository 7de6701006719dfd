package main

import "time"

type options struct {
	workers int
	timeout time.Duration
}

func main() {
	o := options{workers: 2, timeout: time.Second, workers: 4}
	done := make(chan struct{})
	go func() {
		time.Sleep(o.timeout)
		close(done)
	}()
	<-done
}
// go build: 11:56: duplicate field name workers in struct literal
