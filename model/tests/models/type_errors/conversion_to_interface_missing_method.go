package main

type Runner interface{ Run() }

type job struct{}

func main() {
	j := job{}
	r := Runner(j)
	_ = r
}
// go build: 9:14: cannot convert j (variable of type job) to type Runner:
// go build: job does not implement Runner (missing Run method)
