package main

import (
	"fmt"
	"sync"
)

// A ring buffer of jobs indexed by a uint8 that wraps around; workers behind an interface;
// a user error type; a method value passed as the unlock callback; a local type for results.

type Job interface {
	Run() error
}

type fetch struct{ id int }

type FetchError struct{ ID int }

func (e *FetchError) Error() string { return fmt.Sprintf("fetch %d failed", e.ID) }

func (f fetch) Run() error {
	if f.id%2 == 1 {
		return &FetchError{ID: f.id}
	}
	return nil
}

type ring struct {
	mu   sync.Mutex
	head uint8
	jobs [256]Job
}

func (r *ring) push(j Job) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.jobs[r.head] = j
	r.head++
}

func main() {
	type result struct {
		id  int
		err error
	}
	r := &ring{head: 254}
	for i := 0; i < 3; i++ {
		r.push(fetch{id: i})
	}
	fmt.Println("head", r.head)
	results := make(chan result)
	var wg sync.WaitGroup
	done := wg.Done
	for i := uint8(254); i != r.head; i++ {
		wg.Add(1)
		go func(j Job, id int) {
			defer done()
			results <- result{id, j.Run()}
		}(r.jobs[i], int(i))
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for res := range results {
		switch e := res.err.(type) {
		case nil:
			fmt.Println(res.id, "ok")
		case *FetchError:
			fmt.Println(res.id, "error", e.ID, e)
		}
	}
}
