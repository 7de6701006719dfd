// gomc:go 1.21
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	done := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			done <- i
		}()
	}
	for _, v := range []int{10, 20} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v == 0 {
				panic("never")
			}
		}()
	}
	wg.Wait()
	close(done)
	for v := range done {
		if v == 3 {
			panic("a goroutine saw the loop variable after the loop ended")
		}
	}
}
