// Corpus: a log shipper reads lines from sources behind a user interface that embeds
// io.Closer and an interface declared after it, and counts them per level in striped locks
// (an array of mutexes picked by `len(s.locks)`). Each source's Close asks its producer
// goroutine to stop on an unbuffered channel and waits for the acknowledgement, but a producer
// that already ran out of lines has returned: nobody receives the request, so Close blocks
// for ever. go run: "all goroutines are asleep - deadlock!".
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

type Source interface {
	Namer
	io.Closer
	Next() (string, error)
}

type Namer interface{ Name() string }

type chanSource struct {
	name  string
	lines chan string
	stop  chan chan struct{}
}

func newChanSource(name string, lines ...string) *chanSource {
	s := &chanSource{name: name, lines: make(chan string), stop: make(chan chan struct{})}
	go func() {
		defer close(s.lines)
		for _, l := range lines {
			select {
			case s.lines <- l:
			case ack := <-s.stop:
				close(ack)
				return
			}
		}
	}()
	return s
}

func (s *chanSource) Name() string { return s.name }

func (s *chanSource) Next() (string, error) {
	l, ok := <-s.lines
	if !ok {
		return "", io.EOF
	}
	return l, nil
}

func (s *chanSource) Close() error {
	ack := make(chan struct{})
	s.stop <- ack // BUG: the producer may have returned already
	<-ack
	return nil
}

type counters struct {
	locks [4]sync.Mutex
	n     [4]map[string]int
}

func (c *counters) add(level string) {
	i := len(level) % len(c.locks)
	c.locks[i].Lock()
	defer c.locks[i].Unlock()
	if c.n[i] == nil {
		c.n[i] = make(map[string]int)
	}
	c.n[i][level]++
}

func ship(src Source, c *counters) error {
	defer src.Close()
	for {
		line, err := src.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		level, _, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%s: malformed line %q", src.Name(), line)
		}
		c.add(level)
	}
}

func main() {
	c := &counters{}
	var wg sync.WaitGroup
	for _, src := range []Source{
		newChanSource("api", "INFO:start", "WARN:slow"),
		newChanSource("db", "INFO:open"),
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := ship(src, c); err != nil {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n[0]["INFO"], c.n[0]["WARN"])
}
