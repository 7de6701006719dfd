// Corpus: a client-go style processorListener: handlers are a ResourceEventHandler interface
// embedding two smaller ones, adapted from a struct of function fields; pop and run are joined
// by unbuffered channels and a nil-channel select. Stopping closes addCh after run left on
// stopCh, and pop, flushing what is pending, blocks on nextCh for ever: a leak after main
// returns (go run exits 0).
// gomc:expect leak
package main

import (
	"fmt"
	"sync"
)

type AddHandler interface{ OnAdd(obj any) }

type UpdateHandler interface{ OnUpdate(oldObj, newObj any) }

type ResourceEventHandler interface {
	AddHandler
	UpdateHandler
}

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj any)
	UpdateFunc func(oldObj, newObj any)
}

func (r ResourceEventHandlerFuncs) OnAdd(obj any) {
	if r.AddFunc != nil {
		r.AddFunc(obj)
	}
}

func (r ResourceEventHandlerFuncs) OnUpdate(oldObj, newObj any) {
	if r.UpdateFunc != nil {
		r.UpdateFunc(oldObj, newObj)
	}
}

type addNotification struct{ newObj any }
type updateNotification struct{ oldObj, newObj any }

type processorListener struct {
	nextCh  chan any
	addCh   chan any
	handler ResourceEventHandler
}

func (p *processorListener) pop() {
	defer close(p.nextCh)
	var pending []any
	for {
		var out chan any
		var next any
		if len(pending) > 0 {
			out, next = p.nextCh, pending[0]
		}
		select {
		case out <- next:
			pending = pending[1:]
		case n, ok := <-p.addCh:
			if !ok {
				for _, n := range pending {
					p.nextCh <- n // BUG: nobody receives after stop
				}
				return
			}
			pending = append(pending, n)
		}
	}
}

func (p *processorListener) run(stopCh <-chan struct{}) {
	for {
		select {
		case <-stopCh:
			return
		case n := <-p.nextCh:
			switch n := n.(type) {
			case addNotification:
				p.handler.OnAdd(n.newObj)
			case updateNotification:
				p.handler.OnUpdate(n.oldObj, n.newObj)
			}
		}
	}
}

func main() {
	var mu sync.Mutex
	seen := map[string]int{}
	l := &processorListener{
		nextCh: make(chan any), addCh: make(chan any),
		handler: ResourceEventHandlerFuncs{
			AddFunc: func(obj any) { mu.Lock(); seen["add"]++; mu.Unlock() },
			UpdateFunc: func(_, obj any) { mu.Lock(); seen["update"]++; mu.Unlock() },
		},
	}
	stopCh := make(chan struct{})
	go l.pop()
	go l.run(stopCh)
	l.addCh <- addNotification{"pod-a"}
	l.addCh <- updateNotification{"pod-a", "pod-a'"}
	close(stopCh)
	close(l.addCh)
	mu.Lock()
	fmt.Println(seen["add"] <= 1)
	mu.Unlock()
}
