//! Race mode reports nothing on race-free programs: one program per way of ordering
//! accesses (each sync primitive, a channel, an atomic). Split from `races.rs`, which holds
//! the programs that do race.

mod common;

use common::check_races_with;
use gomc::explore::OutcomeKind::Ok;
use gomc::semantics::Reduction;

/// Race-free programs, one per way of ordering accesses: race mode reports nothing.
#[test]
fn programs_ordered_by_each_primitive_have_no_race() {
    let programs = [
        (
            "mutex",
            "package main

import \"sync\"

var (
	mu sync.Mutex
	n  int
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if n != 2 {
		panic(\"lost update\")
	}
}
",
        ),
        (
            "rwmutex",
            "package main

import \"sync\"

var (
	rw     sync.RWMutex
	config = map[string]string{}
)

func main() {
	done := make(chan bool)
	go func() {
		rw.Lock()
		config[\"mode\"] = \"fast\"
		rw.Unlock()
		done <- true
	}()
	rw.RLock()
	println(config[\"mode\"])
	rw.RUnlock()
	<-done
}
",
        ),
        (
            "unbuffered channel",
            "package main

type result struct{ value int }

func main() {
	r := &result{}
	ch := make(chan bool)
	go func() {
		r.value = 42
		ch <- true
	}()
	<-ch
	if r.value != 42 {
		panic(\"stale\")
	}
}
",
        ),
        (
            "close",
            "package main

var data []int

func main() {
	ready := make(chan struct{})
	go func() {
		data = append(data, 1)
		close(ready)
	}()
	<-ready
	println(len(data))
}
",
        ),
        (
            "WaitGroup",
            "package main

import \"sync\"

var total int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		total = 5
		wg.Done()
	}()
	wg.Wait()
	total++
}
",
        ),
        (
            "Once",
            "package main

import \"sync\"

var (
	once sync.Once
	dir  string
)

func workDir() string {
	once.Do(func() { dir = \"/tmp/go-build\" })
	return dir
}

func main() {
	done := make(chan string)
	go func() { done <- workDir() }()
	a := workDir()
	if b := <-done; a != b {
		panic(\"two dirs\")
	}
}
",
        ),
        (
            "Cond",
            "package main

import \"sync\"

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	value := 0
	go func() {
		mu.Lock()
		value = 7
		ready = true
		cond.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	println(value)
	mu.Unlock()
}
",
        ),
        (
            "atomic",
            "package main

import (
	\"runtime\"
	\"sync/atomic\"
)

var (
	flag    int32
	payload string
)

func main() {
	go func() {
		payload = \"hello\"
		atomic.StoreInt32(&flag, 1)
	}()
	for atomic.LoadInt32(&flag) == 0 {
		runtime.Gosched()
	}
	println(payload)
}
",
        ),
        (
            "atomic type",
            "package main

import \"sync/atomic\"

type server struct {
	requests atomic.Int64
	name     string
}

func main() {
	s := &server{name: \"a\"}
	done := make(chan bool)
	go func() {
		s.requests.Add(1)
		println(s.name)
		done <- true
	}()
	s.requests.Add(1)
	<-done
	if s.requests.Load() != 2 {
		panic(\"lost add\")
	}
}
",
        ),
        (
            "sync.Map",
            "package main

import \"sync\"

type entry struct{ dir string }

func main() {
	var registry sync.Map
	done := make(chan bool)
	go func() {
		e := &entry{}
		e.dir = \"/tmp/b1\"
		registry.Store(1, e)
		done <- true
	}()
	<-done
	registry.Range(func(key, value any) bool {
		println(key)
		return true
	})
}
",
        ),
    ];
    for (primitive, source) in programs {
        let report = check_races_with(source, Reduction::ALL);
        assert_eq!(report.kinds(), [Ok], "{primitive}: {:?}", report.outcomes);
    }
}
