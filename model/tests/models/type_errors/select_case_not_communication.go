package main

func main() {
	jobs := make(chan int, 1)
	jobs <- 1
	quit := make(chan struct{})
	for {
		select {
		case len(jobs) > 0:
			<-jobs
		case <-quit:
			return
		}
	}
}
// go build: 9:18: select case must be send or receive (possibly with assignment)
