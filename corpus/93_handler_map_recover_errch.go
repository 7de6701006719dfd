// Corpus: a dispatcher keeps its handlers as closures in a map and runs each job's handler
// in a goroutine that turns a panic into an error with recover and fmt.Errorf, sending it on
// an unbuffered channel. main returns at the first error it reads, so the other workers stay
// blocked on their sends: a leak (go run just exits).
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type job struct {
	kind string
	arg  string
}

type dispatcher struct {
	mu       sync.Mutex
	handlers map[string]func(string) (string, error)
	done     int
}

func (d *dispatcher) register(kind string, h func(string) (string, error)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.handlers[kind] = h
}

func (d *dispatcher) run(jobs []job) error {
	errCh := make(chan error)
	for _, j := range jobs {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					errCh <- fmt.Errorf("handler %q panicked: %v", j.kind, r)
				}
			}()
			d.mu.Lock()
			h := d.handlers[j.kind]
			d.mu.Unlock()
			out, err := h(j.arg) // a nil handler panics here
			if err != nil {
				errCh <- fmt.Errorf("%s(%s): %w", j.kind, j.arg, err)
				return
			}
			d.mu.Lock()
			d.done++
			d.mu.Unlock()
			errCh <- nil
			_ = out
		}()
	}
	for range jobs {
		if err := <-errCh; err != nil {
			return err // BUG: the remaining workers block on errCh forever
		}
	}
	return nil
}

var errEmpty = errors.New("empty argument")

func main() {
	d := &dispatcher{handlers: map[string]func(string) (string, error){}}
	d.register("upper", func(s string) (string, error) {
		if s == "" {
			return "", errEmpty
		}
		return strings.ToUpper(s), nil
	})
	d.register("split", func(s string) (string, error) {
		return strings.Join(strings.Split(s, ","), " "), nil
	})
	err := d.run([]job{{"upper", "a"}, {"split", "x,y"}, {"resize", "10"}, {"upper", ""}})
	fmt.Println("run:", err, errors.Is(err, errEmpty))
}
