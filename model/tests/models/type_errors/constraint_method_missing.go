package main

type Job interface {
	Run() error
}

type task int

func RunAll[J Job](jobs []J) {
	done := make(chan error, len(jobs))
	for _, j := range jobs {
		go func(j J) { done <- j.Run() }(j)
	}
	for range jobs {
		<-done
	}
}

func main() {
	RunAll([]task{1, 2})
}
// go build: 20:8: task does not implement Job (missing Run method)
