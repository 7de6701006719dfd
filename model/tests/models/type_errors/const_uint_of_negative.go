package main

func main() {
	u := uint(-1)
	_ = u
}
// go build: 4:12: cannot convert -1 (untyped int constant) to type uint
