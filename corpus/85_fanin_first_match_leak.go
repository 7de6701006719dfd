// Corpus: CSV files parsed by one goroutine each and merged (fan-in) into one channel of
// values that are records or ParseErrors; the consumer returns at the first error (wrapped
// with %w, found with errors.As), leaving the parsers and the merge goroutines blocked on
// their sends for ever. go run just exits; gomc reports the leak after main returns.
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

type record struct {
	line   int
	fields []string
}

func parse(lines []string) <-chan any {
	out := make(chan any)
	go func() {
		defer close(out)
		for i, l := range lines {
			if strings.TrimSpace(l) == "" {
				out <- ParseError{Line: i + 1, Msg: "empty line"}
				continue
			}
			out <- record{line: i + 1, fields: strings.Split(l, ",")}
		}
	}()
	return out
}

func merge(chans ...<-chan any) <-chan any {
	var wg sync.WaitGroup
	out := make(chan any)
	wg.Add(len(chans))
	for _, c := range chans {
		go func(c <-chan any) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func firstError(files map[string][]string) error {
	var chans []<-chan any
	for _, lines := range files {
		chans = append(chans, parse(lines))
	}
	count := 0
	for v := range merge(chans...) {
		switch v := v.(type) {
		case record:
			count += len(v.fields)
		case error:
			return fmt.Errorf("after %d fields: %w", count, v) // returns early: the senders block forever
		}
	}
	return nil
}

func main() {
	err := firstError(map[string][]string{
		"a.csv": {"x,y", " ", "z"},
		"b.csv": {"1,2,3"},
	})
	var pe ParseError
	if errors.As(err, &pe) {
		fmt.Println("parse error at line", pe.Line)
	}
	fmt.Println(err != nil)
}
