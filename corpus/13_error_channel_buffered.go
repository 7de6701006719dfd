// Corpus: the fix of 12: a buffer of one lets the worker finish even when nobody reads.
// gomc:expect none
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
	errc := make(chan error, 1)
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
	fmt.Println(err)
}
