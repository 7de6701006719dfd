package main

func wait(n int) {}

func main() {
	wait("y")
}
// go build: 6:7: cannot use "y" (untyped string constant) as int value in argument to wait
