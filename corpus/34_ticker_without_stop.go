// Corpus: a heartbeat goroutine ranges over a ticker that nobody stops and has no way out, so
// the program can never finish (gomc's hang; in a long-running server, a goroutine and a
// ticker leaked per call).
// gomc:expect hang
package main

import (
	"sync"
	"time"
)

type Monitor struct {
	mu    sync.Mutex
	beats uint8
}

func (m *Monitor) heartbeat(t *time.Ticker) {
	for range t.C {
		m.mu.Lock()
		m.beats++
		m.mu.Unlock()
	}
}

func main() {
	m := &Monitor{}
	go m.heartbeat(time.NewTicker(time.Second))
	time.Sleep(time.Millisecond)
}
