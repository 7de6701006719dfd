package main

func main() {
	var done [2]bool
	p := &done
	println(p[2])
}
// go build: 6:12: invalid argument: index 2 out of bounds [0:2]
