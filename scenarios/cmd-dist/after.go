// Model of cmd/dist's background workers AFTER the fix: golang/go 73a10bfcbb46,
// src/cmd/dist/util.go (run L80-L108, bgwork/bgdied/dying/nfatal L111-L123, bginit L125-L130,
// bghelper L132-L144, bgwait L155-L173, fatal L304-L319, xexit L324-L329).
//
// Bound: 2 helpers (maxbg), 2 jobs of which at most one fails: which one, or none, is chosen
// with gomc.Choose; main in bgwait; bgwork capacity 100000 (1e5 upstream). Two jobs failing at
// once is the residual of after_two_failures.go.
// Properties: termination (P2.1) and the exit status: a failing job always ends in exit(2)
// and a run without failures in exit(0) (asserted in xexit); exit handlers run once (P2.6,
// asserted in rmworkdir).
// The fix: fatal no longer uses bgwait; it closes dying once (nfatal), wakes the idle helpers
// with no-op jobs and waits on bgdied, which counts live helpers.
//
// gomc:expect none
package main

import (
	"gomc"
	"os"
	"sync"
	"sync/atomic"
)

// maxbg is the number of helpers (util.go:L111); njobs the jobs main queues before bgwait.
var maxbg = 2

const njobs = 2

// bgworkCap is bgwork's capacity: 1e5 upstream (util.go:L114); after_small_buffer.go lowers it.
const bgworkCap = 100000

var (
	bgwork = make(chan func(), bgworkCap)
	bgdied sync.WaitGroup
	dying  = make(chan bool)
	nfatal int32
)

// Bookkeeping of the model, not of dist: how many jobs failed, how often exit handlers ran.
var (
	failed      int32
	handlerRuns int32
	atexits     []func()
)

// everyJobFails makes every compile fail (after_two_failures.go sets it).
var everyJobFails = false

// run is util.go:L80-L108 for a background job: a failing helper counts itself out of
// bgdied, because it will never return to its loop, and calls fatal itself.
func run(fails bool) {
	if fails {
		atomic.AddInt32(&failed, 1)
		bgdied.Done()
		fatal("FAILED")
	}
}

func bginit() {
	bgdied.Add(maxbg)
	for i := 0; i < maxbg; i++ {
		go bghelper()
	}
}

// bghelper stops after its next job once dying (util.go:L132-L144).
func bghelper() {
	for {
		w := <-bgwork
		w()
		if atomic.LoadInt32(&nfatal) > 0 {
			bgdied.Done()
			return
		}
	}
}

func bgrun(fails bool) {
	bgwork <- func() {
		run(fails)
	}
}

// bgwait: each barrier holds its helper until every helper arrived or dist is dying
// (util.go:L155-L173). It must be called from only one goroutine at a time.
func bgwait() {
	var wg sync.WaitGroup
	wg.Add(maxbg)
	done := make(chan bool)
	for i := 0; i < maxbg; i++ {
		bgwork <- func() {
			wg.Done()
			select {
			case <-dying:
			case <-done:
			}
		}
	}
	wg.Wait()
	close(done)
}

// fatal (util.go:L304-L319).
func fatal(msg string) {
	if atomic.AddInt32(&nfatal, 1) == 1 {
		close(dying)
	}
	for i := 0; i < maxbg; i++ {
		bgwork <- func() {} // wake up workers so they notice nfatal > 0
	}
	bgdied.Wait()
	xexit(2)
}

// rmworkdir stands for the exit handler that removes the work directory; it must run once.
func rmworkdir() {
	if atomic.AddInt32(&handlerRuns, 1) != 1 {
		panic("exit handlers ran twice")
	}
}

// xexit (util.go:L324-L329), with the model's check of the exit status.
func xexit(n int) {
	if n == 0 && atomic.LoadInt32(&failed) > 0 {
		panic("a job failed but dist exits with status 0")
	}
	for i := len(atexits) - 1; i >= 0; i-- {
		atexits[i]()
	}
	os.Exit(n)
}

func main() {
	atexits = append(atexits, rmworkdir) // xinit registers rmworkdir before any job runs
	bginit()
	failing := gomc.Choose(njobs + 1) // the job whose compile fails; njobs: none fails
	for i := 0; i < njobs; i++ {
		bgrun(everyJobFails || i == failing)
	}
	bgwait()
	xexit(0)
}
