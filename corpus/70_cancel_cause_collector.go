// Corpus (Go 1.20: context.WithCancelCause, context.Cause, errors.Join): two fetchers run
// under a context that the first failure cancels with its error as the cause. The collector
// expects one report from each fetcher, but a fetcher that sees the context canceled returns
// without reporting, so the collector waits for a report that never comes and main waits
// for the collector: all goroutines are asleep. When the second fetcher's report wins its
// select (both cases are ready; Go picks at random) the run ends and prints the joined
// errors and the cause.
// gomc:go 1.20
// gomc:expect deadlock
package main

import (
	"context"
	"errors"
	"fmt"
)

var errNotFound = errors.New("not found")

func fetch(ctx context.Context, id int, cancel context.CancelCauseFunc, reports chan<- error) {
	var err error
	if id == 1 {
		err = fmt.Errorf("fetch %d: %w", id, errNotFound)
		cancel(err)
	}
	select {
	case reports <- err:
	case <-ctx.Done():
		return // BUG: the collector still counts on this report
	}
}

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)

	reports := make(chan error)
	for id := 1; id <= 2; id++ {
		go fetch(ctx, id, cancel, reports)
	}

	done := make(chan error)
	go func() {
		var errs []error
		for i := 0; i < 2; i++ {
			if err := <-reports; err != nil {
				errs = append(errs, err)
			}
		}
		done <- errors.Join(errs...)
	}()

	err := <-done
	fmt.Println("errors:", err)
	fmt.Println("cause:", context.Cause(ctx), errors.Is(err, errNotFound))
}
