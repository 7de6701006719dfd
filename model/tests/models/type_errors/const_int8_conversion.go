package main

func main() {
	i := int8(200)
	_ = i
}
// go build: 4:12: cannot convert 200 (untyped int constant) to type int8
