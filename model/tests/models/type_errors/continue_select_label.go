package main

func main() {
	ch := make(chan int)
	close(ch)
sel:
	select {
	case <-ch:
		continue sel
	}
}
// go build: 9:12: invalid continue label sel
