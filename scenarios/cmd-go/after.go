// Model of cmd/go's builder cleanup registry AFTER 55d96f98ef13 ("make NewBuilder safe for
// concurrent and repeated use"): work_after.go (init.go BuildInit L27-L34, action.go
// NewBuilder L249-L302, Close L306-L325, closeBuilders L327-L340) over base.go; the callers'
// `defer b.Close()` of build.go, run.go, test.go and script_test.go's cmdCc.
//
// Bound: main runs BuildInit, then 2 goroutines each use a builder of their own and close it
// (one of them closes it twice); main may also leak a builder of its own (a choice); main then
// exits through base.Exit. Before all that, main takes one of three typestate paths (a
// choice): none, NewBuilder before BuildInit (must panic; recovered), or BuildInit twice (must
// Fatalf, exit 1).
// Properties: P1.1 no data race on atExitFuncs (and none at all); P1.2 every temp dir is
// removed by exit; P1.4 a builder left open at a clean exit turns the status into 1; P1.5
// typestate; P1.6 a second Close returns nil and removes nothing (removeAll panics on a
// second removal).
// Verdict: no violation; the outcomes are exit(0) and exit(1) (a leaked builder, or BuildInit
// twice).
//
// gomc:include base.go
// gomc:include work_after.go
// gomc:races
// gomc:expect none
package main

import (
	"gomc"
	"sync"
)

// leaked is set when main leaves a builder open (P1.4).
var leaked = false

// checkAtExit asserts P1.2 and P1.4 once every handler has run.
func checkAtExit() {
	if leftoverDirs() != 0 {
		panic("P1.2: a work dir was never removed")
	}
	if leaked && GetExitStatus() != 1 {
		panic("P1.4: a builder leaked on a clean exit, but the exit status is not 1")
	}
}

// mustPanic asserts that f panics (P1.5).
func mustPanic(f func()) {
	defer func() {
		if recover() == nil {
			panic("P1.5: NewBuilder before BuildInit did not panic")
		}
	}()
	f()
}

func main() {
	switch gomc.Choose(3) {
	case 1:
		mustPanic(func() { NewBuilder("") })
	case 2:
		BuildInit()
		BuildInit() // Fatalf: exit(1)
		panic("P1.5: BuildInit ran twice")
	}
	BuildInit()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := NewBuilder("")
			defer b.Close()
			if i == 0 {
				if err := b.Close(); err != nil {
					panic("P1.6: Close failed")
				}
			}
		}()
	}
	wg.Wait()
	if gomc.Bool() {
		leaked = true
		NewBuilder("")
	}
	Exit()
}
