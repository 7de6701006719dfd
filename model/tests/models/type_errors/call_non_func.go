package main

func main() {
	done := make(chan bool)
	done()
}
// go build: 5:2: invalid operation: cannot call non-function done (variable of type chan bool)
