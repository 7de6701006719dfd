// Corpus: the fix of 01: the results channel has room for every worker, so returning early
// leaves nobody blocked.
// gomc:expect none
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
	errs := make(chan error, len(tasks))
	for _, t := range tasks {
		go func(t Task) { errs <- t.Do() }(t)
	}
	for range tasks {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

func main() {
	var wait []Task
	for i := 0; i < 3; i++ {
		wait = append(wait, step(i))
	}
	if err := runAll(wait); err != nil {
		fmt.Println(err)
	}
}
