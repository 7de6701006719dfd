// Corpus: a containerd-style task service: tasks in a sync.Map, configuration in an
// atomic.Value, events told apart by a type switch that uses an ID method promoted from an
// embedded struct (and an interface literal case). Kill of a task that never started returns
// an error without closing its exit channel, so the goroutine waiting for that task's exit
// leaks after main returns (go run exits 0).
// gomc:expect leak
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	Runtime string
	Shim    bool
}

type base struct{ id string }

func (b base) ID() string { return b.id }

type Task struct {
	base
	mu      sync.Mutex
	started bool
	exitCh  chan struct{}
	status  uint32
}

type TaskExit struct {
	base
	Code uint32
}

type TaskOOM struct{ base }

var errNotStarted = errors.New("task not started")

func (t *Task) Kill() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.started {
		return fmt.Errorf("kill %s: %w", t.ID(), errNotStarted) // BUG: exitCh never closed
	}
	t.status = 137
	close(t.exitCh)
	return nil
}

func (t *Task) Wait() uint32 {
	<-t.exitCh
	return t.status
}

func describe(ev interface{}) string {
	switch e := ev.(type) {
	case *TaskExit:
		return fmt.Sprintf("exit %s code=%d", e.ID(), e.Code)
	case TaskOOM:
		return "oom " + e.ID()
	case interface{ ID() string }:
		return "event for " + e.ID()
	default:
		return fmt.Sprintf("unknown %T", e)
	}
}

func main() {
	var cfg atomic.Value
	cfg.Store(config{Runtime: "io.containerd.runc.v2", Shim: true})
	var tasks sync.Map
	for _, id := range []string{"redis", "nginx"} {
		t := &Task{base: base{id}, exitCh: make(chan struct{}), started: id == "redis"}
		tasks.Store(id, t)
	}
	events := make(chan interface{}, 4)
	var wg sync.WaitGroup
	tasks.Range(func(k, v any) bool {
		t := v.(*Task)
		wg.Add(1)
		go func() {
			defer wg.Done()
			code := t.Wait()
			events <- &TaskExit{base: t.base, Code: code}
		}()
		return true
	})
	v, _ := tasks.Load("redis")
	if err := v.(*Task).Kill(); err != nil {
		fmt.Println(err)
	}
	v, _ = tasks.Load("nginx")
	if err := v.(*Task).Kill(); errors.Is(err, errNotStarted) {
		fmt.Println(err)
	}
	fmt.Println(describe(<-events), cfg.Load().(config).Runtime)
	fmt.Println(describe(TaskOOM{base{"nginx"}}), describe(base{"x"}), describe(3))
}
