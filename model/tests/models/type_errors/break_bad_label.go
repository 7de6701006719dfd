package main

func main() {
	ch := make(chan int)
	close(ch)
outer:
	for i := 0; i < 2; i++ {
	}
	for range ch {
		break outer
	}
}
// go build: 10:9: invalid break label outer
