// Corpus: a worker pool returns the first error and leaves the other workers blocked sending
// their results on an unbuffered channel (the shape of many "goroutine leak on early return"
// reports). Interfaces: jobs behind `Task`, failures as a user error type.
// gomc:expect leak
package main

import "fmt"

type Task interface{ Do() error }

type TaskError struct{ ID int }

func (e *TaskError) Error() string { return fmt.Sprintf("task %d failed", e.ID) }

type step int

func (s step) Do() error {
	if s == 1 {
		return &TaskError{ID: int(s)}
	}
	return nil
}

func runAll(tasks []Task) error {
	errs := make(chan error)
	for _, t := range tasks {
		go func(t Task) { errs <- t.Do() }(t)
	}
	for range tasks {
		if err := <-errs; err != nil {
			return err // the remaining senders block forever
		}
	}
	return nil
}

func main() {
	err := runAll([]Task{step(0), step(1), step(2)})
	if te, ok := err.(*TaskError); ok {
		fmt.Println("failed:", te.ID)
	}
}
