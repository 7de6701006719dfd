// Corpus: a caller waits for a worker's error or a timeout; when the timeout wins, the worker
// blocks forever sending its error on the unbuffered channel (the classic time.After leak).
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrBusy = errors.New("busy")

type fetcher interface{ Fetch() error }

type remote struct{}

func (remote) Fetch() error { return ErrBusy }

func fetchWithTimeout(f fetcher) error {
	errc := make(chan error)
	go func() { errc <- f.Fetch() }()
	select {
	case err := <-errc:
		return err
	case <-time.After(time.Second):
		return errors.New("timeout")
	}
}

func main() {
	err := fetchWithTimeout(remote{})
	fmt.Println(err, errors.Is(err, ErrBusy))
}
