package main

type Runner interface{ Run() }

type job struct{}

func (j *job) Run() {}

func main() {
	var r Runner = job{}
	_ = r
}
// go build: 10:17: cannot use job{} (value of type job) as type Runner in variable declaration:
// go build: job does not implement Runner (Run method has pointer receiver)
