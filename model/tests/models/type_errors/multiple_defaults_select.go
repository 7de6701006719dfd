package main

func main() {
	ch := make(chan int)
	select {
	case <-ch:
	default:
	default:
	}
}
// go build: 8:2: multiple defaults (first at multiple_defaults_select.go:7:2)
