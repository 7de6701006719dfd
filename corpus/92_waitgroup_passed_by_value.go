// Corpus: a worker function that takes its sync.WaitGroup by value (go vet: "call of worker
// copies lock value"). Each worker's Done decrements its own copy, so main's Wait never sees
// the counter reach zero. go run: "all goroutines are asleep - deadlock!".
// gomc:expect deadlock
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func worker(id int, jobs <-chan string, results chan<- int, wg sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		n, err := strconv.Atoi(j)
		if err != nil {
			fmt.Printf("worker %d: %v\n", id, err)
			continue
		}
		results <- n * n
	}
}

func main() {
	jobs := make(chan string, 4)
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go worker(i, jobs, results, wg)
	}
	for _, s := range []string{"3", "x", "4"} {
		jobs <- s
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}
