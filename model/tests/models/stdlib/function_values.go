package main

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// A logger seam and an exit seam, as services write them to test their shutdown paths.
type logger func(format string, args ...any) (int, error)

var osExit = os.Exit

type service struct {
	logf logger
	wg   sync.WaitGroup
}

func (s *service) run(jobs []int, newErr func(string) error) error {
	errs := make(chan error, len(jobs))
	for _, j := range jobs {
		s.wg.Add(1)
		go func(j int) {
			defer s.wg.Done()
			if j < 0 {
				errs <- newErr(fmt.Sprint("bad job ", j))
			}
		}(j)
	}
	s.wg.Wait()
	close(errs)
	for err := range errs {
		return err
	}
	return nil
}

func main() {
	s := &service{logf: fmt.Printf}
	n, err := s.logf("starting %d jobs\n", 2)
	fmt.Println(n, err)
	print := fmt.Println
	print("print", 1, errors.New("e"))
	join := fmt.Sprint
	fmt.Println(join("a", 1, 2, "b", "c", 3.5, nil))
	show, line := fmt.Print, fmt.Sprintln
	show(1, 2, "x", 3, "\n")
	fmt.Print(line("y", 4))
	if err := s.run([]int{1, -2}, errors.New); err != nil {
		s.logf("failed: %v\n", err)
		osExit(3)
	}
}
