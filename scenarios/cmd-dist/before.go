// Model of cmd/dist's background workers BEFORE the fix: golang/go 3965d7508ef6,
// src/cmd/dist/util.go (run L80-L116, bgwork L118-L124, bginit/bghelper L127-L137,
// bgrun L141-L145, bgwait L148-L158, fatal L289-L293, xexit L298-L303) and
// src/cmd/dist/build.go (install: bgrun per file L977, then bgwait L984).
//
// Bound: 2 helpers (maxbg), 2 jobs: A's compile fails, B's succeeds; main waits in bgwait.
// Property: termination (P2.1): a failing job must lead to xexit(2), never to a hang.
// Bug (the README's Bundled models, fixed by 73a10bfcbb46): the failing job's die goroutine calls fatal,
// which reuses bgwait from a second goroutine. Main's barrier and die's barrier each capture
// one helper, and each waits for the helper the other captured: every goroutine blocks.
//
// gomc:expect deadlock
package main

import (
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// maxbg is the number of helpers (util.go:L118; 1 on arm hosts, L371).
var maxbg = 2

// bgwork is unbuffered before the fix (util.go:L121).
var bgwork = make(chan func())

// atexits holds the exit handlers, e.g. rmworkdir (util.go:L296).
var atexits []func()

// checkExitHandlers makes rmworkdir assert that exit handlers run once (P2.6);
// before_exit_handlers.go turns it on.
var checkExitHandlers = false

var handlerRuns int32

// rmworkdir stands for the exit handler that removes the work directory.
func rmworkdir() {
	if atomic.AddInt32(&handlerRuns, 1) != 1 && checkExitHandlers {
		panic("exit handlers ran twice")
	}
}

// run is util.go:L80-L116 for a background job (mode has CheckExit|Background). A failing
// command cannot call fatal directly, because fatal waits for all background work, this job
// included; so it starts a goroutine that sleeps and then calls fatal, and returns (L95-L110).
func run(fails bool) {
	if fails {
		die := func() {
			time.Sleep(100 * time.Millisecond)
			fatal("FAILED")
		}
		go die()
	}
}

func bginit() {
	for i := 0; i < maxbg; i++ {
		go bghelper()
	}
}

func bghelper() {
	for {
		(<-bgwork)()
	}
}

// bgrun queues a job for the helpers (util.go:L141-L145).
func bgrun(fails bool) {
	bgwork <- func() {
		run(fails)
	}
}

// bgwait sends one barrier per helper; each barrier holds its helper until all have arrived
// (util.go:L148-L158).
func bgwait() {
	var wg sync.WaitGroup
	wg.Add(maxbg)
	for i := 0; i < maxbg; i++ {
		bgwork <- func() {
			wg.Done()
			wg.Wait()
		}
	}
	wg.Wait()
}

// fatal waits for the background work, then exits (util.go:L289-L293).
func fatal(msg string) {
	bgwait()
	xexit(2)
}

// xexit runs the exit handlers in reverse order, then exits (util.go:L298-L303).
func xexit(n int) {
	for i := len(atexits) - 1; i >= 0; i-- {
		atexits[i]()
	}
	os.Exit(n)
}

func main() {
	atexits = append(atexits, rmworkdir) // xinit registers rmworkdir before any job runs
	bginit()
	bgrun(true)  // job A: its compile fails
	bgrun(false) // job B
	bgwait()
	xexit(0)
}
