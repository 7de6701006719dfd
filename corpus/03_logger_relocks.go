// Corpus: a logger behind an interface whose Log holds its mutex and calls Flush, which takes
// the same mutex again: Go's mutexes are not reentrant (the shape of several self-deadlock
// reports).
// gomc:expect deadlock
package main

import "sync"

type Logger interface {
	Log(msg string)
	Flush()
}

type bufLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *bufLogger) Log(msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, msg)
	if len(l.lines) > 1 {
		l.Flush()
	}
}

func (l *bufLogger) Flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = nil
}

func main() {
	var log Logger = &bufLogger{}
	done := make(chan bool)
	go func() {
		log.Log("a")
		done <- true
	}()
	log.Log("b")
	<-done
}
