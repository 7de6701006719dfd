package main

func main() {
	var i int = 1 << 70
	_ = i
}
// go build: 4:14: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in variable declaration (overflows)
