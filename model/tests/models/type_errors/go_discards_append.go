package main

func main() {
	var jobs []int
	go append(jobs, 1)
}
// go build: 5:5: go discards result of append(jobs, 1) (value of type []int)
