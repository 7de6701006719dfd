package main

func main() {
	done := make(chan struct{}, 1)
	done <- struct{}
	<-done
}
// go build: 5:10: struct{} (type) is not an expression
