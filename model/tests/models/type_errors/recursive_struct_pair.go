package main

type job struct {
	id     int
	worker worker
}

type worker struct {
	queue [4]job
}

func main() {
	var w worker
	_ = w
}
// go build: 3:6: invalid recursive type job
// go build: 3:6: job refers to
// go build: 8:6: worker refers to
// go build: 3:6: job
