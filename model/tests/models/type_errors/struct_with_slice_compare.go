package main

type job struct {
	name string
	deps []string
}

func main() {
	a, b := job{name: "a"}, job{name: "a"}
	if a == b {
		println("same job")
	}
}
// go build: 10:5: invalid operation: a == b (struct containing []string cannot be compared)
