package main

func main() {
	seen := map[string]bool
	_ = seen
}
// go build: 4:10: map[string]bool (type) is not an expression
