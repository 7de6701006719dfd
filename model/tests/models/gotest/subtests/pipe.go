package subtests

// Stage passes values from in to out, doubled.
func Stage(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}
