// Corpus: a Nomad-style eval broker: evaluations in a generic priority heap whose element
// constraint names the priority type parameter and embeds comparable (Heap[P Priority, T
// Prioritized[P]]), a variadic Enqueue, and Dequeue waiting on a wakeup channel or the
// context's timeout. Under synctest time (as go run's clock orders it) no violation: go run
// prints "dequeued 2".
// gomc:clock synctest
// gomc:expect none
package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

type Priority interface {
	~int | ~int32 | ~int64
}

type Prioritized[P Priority] interface {
	Priority() P
	comparable
}

type Heap[P Priority, T Prioritized[P]] struct {
	items []T
}

func (h *Heap[P, T]) Push(t T) {
	h.items = append(h.items, t)
	sort.SliceStable(h.items, func(i, j int) bool {
		return h.items[i].Priority() > h.items[j].Priority()
	})
}

func (h *Heap[P, T]) Pop() (T, bool) {
	var zero T
	if len(h.items) == 0 {
		return zero, false
	}
	t := h.items[0]
	h.items = h.items[1:]
	return t, true
}

func (h *Heap[P, T]) Len() int { return len(h.items) }

type Eval struct {
	ID       string
	Prio     int32
	JobID    string
}

func (e Eval) Priority() int32 { return e.Prio }

type Broker struct {
	mu     sync.Mutex
	ready  Heap[int32, Eval]
	notify chan struct{}
}

func (b *Broker) Enqueue(evals ...Eval) {
	b.mu.Lock()
	for _, e := range evals {
		b.ready.Push(e)
	}
	b.mu.Unlock()
	select {
	case b.notify <- struct{}{}:
	default:
	}
}

func (b *Broker) Dequeue(ctx context.Context) (Eval, error) {
	for {
		b.mu.Lock()
		if e, ok := b.ready.Pop(); ok {
			b.mu.Unlock()
			return e, nil
		}
		b.mu.Unlock()
		select {
		case <-b.notify:
		case <-ctx.Done():
			return Eval{}, ctx.Err()
		}
	}
}

func main() {
	b := &Broker{notify: make(chan struct{}, 1)}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var mu sync.Mutex
	got := map[string][]string{}
	var wg sync.WaitGroup
	for _, sched := range []string{"service", "batch"} {
		wg.Add(1)
		go func(sched string) {
			defer wg.Done()
			for {
				e, err := b.Dequeue(ctx)
				if err != nil {
					return
				}
				mu.Lock()
				got[sched] = append(got[sched], e.ID)
				mu.Unlock()
			}
		}(sched)
	}
	b.Enqueue(Eval{ID: "e1", Prio: 50, JobID: "web"}, Eval{ID: "e2", Prio: 70, JobID: "db"})
	wg.Wait()
	total := 0
	for _, ids := range got {
		total += len(ids)
	}
	fmt.Println("dequeued", total)
}
