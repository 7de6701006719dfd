// Benchmark model for swarm search: a model whose state space has no end, in the shape of a
// common Kubernetes controller hang. A wait.Until-style resync loop arms a fresh timer on every
// iteration and, when it fires, re-lists under the controller's lock and hands the new
// generation to the event handler over an unbuffered channel. Stop closes stopCh and waits for
// the loop to finish. If the resync timer fires just as Stop runs, the loop takes the timer's
// case, the handler has already seen stopCh and returned, and the loop blocks forever on its
// send while holding the lock; Stop waits for the loop, and a status probe waits for the lock:
// every goroutine is asleep.
//
// The generation counter grows on every resync, so no search can exhaust the model: an
// exhaustive check runs until --max-memory or --time-limit. That is why this file states no
// `gomc:expect` (a swarm or a bounded search finds the deadlock, but cannot confirm that nothing
// else is reachable). Measured in README "Swarm: bug hunting past exhaustion" (bench/swarm.sh).
//
// Bound: `workers` handler goroutines (each receives events until stopCh closes) and `probes`
// status probes (each reads the generation under the lock once).
package main

import (
	"sync"
	"time"
)

const workers = 2
const probes = 1

type controller struct {
	mu         sync.Mutex
	generation int
	events     chan int
	stopCh     chan struct{}
	loopDone   chan struct{}
}

// resyncLoop is wait.Until(c.resync, period, stopCh): a new timer per period.
func (c *controller) resyncLoop() {
	defer close(c.loopDone)
	for {
		t := time.NewTimer(time.Second)
		select {
		case <-c.stopCh:
			t.Stop()
			return
		case <-t.C:
		}
		c.resync()
	}
}

// resync re-lists and delivers the new generation; the send under the lock is the bug.
func (c *controller) resync() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	c.events <- c.generation
}

// handle is an event handler: it processes events, and flushes its batch when its own timer
// fires, until the controller stops.
func (c *controller) handle(wg *sync.WaitGroup) {
	defer wg.Done()
	processed, flushed := 0, 0
	for {
		t := time.NewTimer(time.Second)
		select {
		case <-c.events:
			processed++
		case <-t.C:
			flushed++
		case <-c.stopCh:
			t.Stop()
			return
		}
		t.Stop()
	}
}

// probe is a status endpoint reading the generation.
func (c *controller) probe(wg *sync.WaitGroup) {
	defer wg.Done()
	c.mu.Lock()
	_ = c.generation
	c.mu.Unlock()
}

func main() {
	c := &controller{
		events:   make(chan int),
		stopCh:   make(chan struct{}),
		loopDone: make(chan struct{}),
	}
	var wg sync.WaitGroup
	go c.resyncLoop()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go c.handle(&wg)
	}
	for i := 0; i < probes; i++ {
		wg.Add(1)
		go c.probe(&wg)
	}
	time.Sleep(10 * time.Second) // the controller runs for a while
	close(c.stopCh)              // Stop
	<-c.loopDone
	wg.Wait()
}
