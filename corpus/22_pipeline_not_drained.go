// Corpus: stages behind an interface connected by unbuffered channels; main reads one value
// and then waits for the stages to finish, but the last stage is still trying to send.
// gomc:expect deadlock
package main

import "sync"

type Stage interface {
	Run(in <-chan int, out chan<- int)
}

type double struct{}

func (double) Run(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}

func main() {
	src := make(chan int)
	mid := make(chan int)
	var wg sync.WaitGroup
	stages := []Stage{double{}}
	for _, s := range stages {
		wg.Add(1)
		go func(s Stage) {
			defer wg.Done()
			s.Run(src, mid)
		}(s)
	}
	go func() {
		src <- 1
		src <- 2
		close(src)
	}()
	println(<-mid)
	wg.Wait()
}
