package main

func main() {
	m := map[[]int]bool{}
	println(len(m))
}
// go build: 4:11: invalid map key type []int
