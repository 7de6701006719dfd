// Corpus: a job's life cycle as an iota enum with a String method. Cancel may run before the
// runner starts the job; Start then finds the job canceled, and the transition table (a
// switch with fallthrough) treats that as impossible and panics.
// gomc:expect panic
package main

import (
	"fmt"
	"sync"
)

type JobState int

const (
	Pending JobState = iota
	Running
	Done
	Canceled
)

var stateNames = [...]string{"pending", "running", "done", "canceled"}

func (s JobState) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("JobState(%d)", int(s))
	}
	return stateNames[s]
}

type Job struct {
	mu    sync.Mutex
	state JobState
}

func validTransition(from, to JobState) bool {
	switch from {
	case Pending:
		if to == Running {
			return true
		}
		fallthrough
	case Running:
		return to == Done || to == Canceled
	}
	return false
}

func (j *Job) transition(to JobState) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !validTransition(j.state, to) {
		panic(fmt.Sprintf("invalid transition %v -> %v", j.state, to))
	}
	j.state = to
}

func main() {
	j := &Job{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		j.transition(Running)
		j.transition(Done)
	}()
	go func() {
		defer wg.Done()
		j.transition(Canceled)
	}()
	wg.Wait()
	fmt.Println("final:", j.state)
}
