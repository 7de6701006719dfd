package main

func count() int {
	return "x"
}

func main() {
	_ = count()
}
// go build: 4:9: cannot use "x" (untyped string constant) as int value in return statement
