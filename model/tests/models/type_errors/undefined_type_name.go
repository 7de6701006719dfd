package main

func main() {
	var pending Jobs
	_ = pending
}
// go build: 4:14: undefined: Jobs
