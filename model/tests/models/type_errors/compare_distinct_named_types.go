package main

type WorkerID int
type JobID int

func main() {
	var w WorkerID = 3
	var j JobID = 3
	if w == j {
		println("same")
	}
}
// go build: 9:10: invalid operation: w == j (mismatched types WorkerID and JobID)
