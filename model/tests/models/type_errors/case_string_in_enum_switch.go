package main

type JobState int

const (
	Pending JobState = iota
	Running
)

func main() {
	s := Running
	switch s {
	case "pending":
		println("pending")
	case Running:
		println("running")
	}
}
// go build: 13:7: cannot convert "pending" (untyped string constant) to int
