package main

type T struct{}

func main() {
	var err error
	_ = err.(*T)
}
// go build: 7:6: impossible type assertion: err.(*T)
// go build: *T does not implement error (missing Error method)
