// Corpus: a client-go style work queue behind an interface: Get waits on a sync.Cond until an
// item arrives or the queue shuts down; ShutDown sets the flag but forgets to Broadcast, so a
// worker already parked in Get never wakes and wg.Wait blocks for ever. go run usually exits
// (its workers start after ShutDown and see the flag); the deadlock needs a worker waiting
// before ShutDown, which gomc finds.
// gomc:expect deadlock
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

type Phase int

const (
	Pending Phase = iota
	Processing
	Done
)

func (p Phase) String() string {
	switch p {
	case Pending:
		return "Pending"
	case Processing:
		return "Processing"
	}
	return "Phase(" + fmt.Sprint(int(p)) + ")"
}

type Interface interface {
	Add(item string)
	Get() (item string, shutdown bool)
	ShutDown()
}

type queue struct {
	cond         *sync.Cond
	items        []string
	phase        map[string]Phase
	shuttingDown bool
}

func newQueue() *queue {
	return &queue{cond: sync.NewCond(&sync.Mutex{}), phase: map[string]Phase{}}
}

func (q *queue) Add(item string) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	if q.shuttingDown {
		return
	}
	q.items = append(q.items, item)
	q.phase[item] = Pending
	q.cond.Signal()
}

func (q *queue) Get() (string, bool) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.items) == 0 && !q.shuttingDown {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return "", true
	}
	item := q.items[0]
	q.items = q.items[1:]
	q.phase[item] = Processing
	return item, false
}

func (q *queue) ShutDown() {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	q.shuttingDown = true
	// BUG: no q.cond.Broadcast()
}

var errRequeue = errors.New("requeue")

func process(key string) error {
	if strings.HasPrefix(key, "kube-system/") {
		return fmt.Errorf("sync %q: %w", key, errRequeue)
	}
	return nil
}

func main() {
	var q Interface = newQueue()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				key, quit := q.Get()
				if quit {
					return
				}
				if err := process(key); errors.Is(err, errRequeue) {
					fmt.Println("requeue:", err)
				}
			}
		}()
	}
	q.Add("default/web")
	q.Add("kube-system/dns")
	q.ShutDown()
	wg.Wait()
	fmt.Println("state", Done)
}
