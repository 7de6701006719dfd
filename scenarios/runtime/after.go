// Model of runtime's buildTestProg AFTER 0555ea3ce997 ("runtime: don't serialize all builds
// in test", CL 364654): src/runtime/crash_test.go testprog/buildexe L35-L45, serializeBuild
// L113, buildTestProg L115-L174: the lock covers the lookup only; each target is built once
// under its own sync.Once, at most two builds at once (a channel of capacity 2). Same design
// on master (L137-L210 at d1c13566375d).
//
// Bound: 3 parallel tests over 2 targets: T1 and T2 want "testprog", T3 "testprogcgo". Each
// build succeeds, fails, or calls t.Skip in testenv.GoToolPath (a Goexit inside once.Do).
// Properties (the README's Bundled models): P0.1 each target is built at most once (goBuild asserts it,
// a Goexit included); P0.2 every caller of a target gets the same (exe, err), with no data
// race on buildexe (race mode); P0.3 at most two builds run at once (goBuild asserts it);
// P0.6 the semaphore is released on every path (main asserts it is empty at the end). P0.4
// holds by construction: no build runs under the lock.
// Verdict: no violation.
//
// gomc:include harness.go
// gomc:races
// gomc:expect none
package main

import (
	"errors"
	"gomc"
	"sync"
)

// testprog is crash_test.go:L35-L39.
var testprog struct {
	sync.Mutex
	dir    string
	target map[string]*buildexe
}

// buildexe is crash_test.go:L41-L45.
type buildexe struct {
	once sync.Once
	exe  string
	err  error
}

var toRemove []string

// serializeBuild is crash_test.go:L113.
var serializeBuild = make(chan bool, 2)

// buildTestProg is crash_test.go:L115-L174 without flags (name == binary), with -quick off
// and MustHaveGoBuild passing.
func buildTestProg(binary string) (string, error) {
	testprog.Lock()         // L121
	if testprog.dir == "" { // L122-L129: (!) t.Fatalf with the lock held
		dir, err := mkdirTemp()
		if err != nil {
			fatalf()
		}
		testprog.dir = dir
		toRemove = append(toRemove, dir)
	}
	if testprog.target == nil { // L131-L133
		testprog.target = make(map[string]*buildexe)
	}
	name := binary
	target, ok := testprog.target[name] // L138-L142
	if !ok {
		target = &buildexe{}
		testprog.target[name] = target
	}
	dir := testprog.dir
	testprog.Unlock() // L148

	target.once.Do(func() { // L150-L171
		serializeBuild <- true
		defer func() { <-serializeBuild }()
		target.err = errors.New("building test called t.Skip")
		exe := dir + "/" + name + ".exe"
		outcome := gomc.Choose(buildOutcomes)
		if outcome == 2 {
			fatalf() // testenv.GoToolPath calls t.Skip
		}
		if err := goBuild(name, outcome); err != nil {
			target.err = err
		} else {
			target.exe = exe
			target.err = nil
		}
	})
	return target.exe, target.err // L173
}

func main() {
	runTests("testprog", "testprog", "testprogcgo")
	if len(serializeBuild) != 0 {
		panic("P0.6: a build slot was never released")
	}
}
