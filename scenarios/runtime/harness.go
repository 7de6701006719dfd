// Shared declarations of the runtime buildTestProg models: a minimal test runner, the
// stand-ins for os.MkdirTemp and `go build`, and the model's own bookkeeping of the
// properties of the README's Bundled models. The bookkeeping uses sync.Map and atomics only, so that it
// adds no synchronization between the tests and no data race of its own.
//
// gomc:library
package main

import (
	"errors"
	"gomc"
	"runtime"
	"sync"
	"sync/atomic"
)

// buildOutcomes is how many outcomes a `go build` may have: 1 (ok), 2 (ok, fail) or 3 (ok,
// fail, or testenv.GoToolPath calling t.Skip, a Goexit, before the build starts).
var buildOutcomes = 3

// mkdirCanFail lets os.MkdirTemp fail (the README's Bundled models).
var mkdirCanFail = false

// trackBuilding records which targets are being built, for the P0.4 check of before.go.
var trackBuilding = false

// runTests runs a parallel test per target name, each in a goroutine of its own, as testing's
// tRunner does: a test that calls t.Fatalf or t.Skip (runtime.Goexit) still finishes.
func runTests(binaries ...string) {
	var wg sync.WaitGroup
	for _, binary := range binaries {
		wg.Add(1)
		go runTest(binary, &wg)
	}
	wg.Wait()
}

// runTest is a parallel test that runs a test program (runTestProg → buildTestProg).
func runTest(binary string, wg *sync.WaitGroup) {
	defer wg.Done()
	exe, err := buildTestProg(binary)
	checkSameResult(binary, exe, err)
}

// fatalf stands for t.Fatalf and t.Skip: the test goroutine exits, running its deferred calls.
func fatalf() {
	runtime.Goexit()
}

// mkdirTemp stands for os.MkdirTemp("", "go-build").
func mkdirTemp() (string, error) {
	if mkdirCanFail && gomc.Bool() {
		return "", errors.New("mkdir: no space left on device")
	}
	return "/tmp/go-build1", nil
}

// Bookkeeping: targets built (P0.1), builds running (P0.3), targets being built (P0.4).
var (
	built    sync.Map
	running  int32
	building sync.Map
)

// goBuild stands for running `go build -o exe` for target name: it may succeed or fail
// (a choice among the first buildOutcomes outcomes; outcome 2 is handled by the caller).
func goBuild(name string, outcome int) error {
	if _, again := built.LoadOrStore(name, true); again {
		panic("P0.1: " + name + " built twice")
	}
	if atomic.AddInt32(&running, 1) > 2 {
		panic("P0.3: more than two builds at once")
	}
	if trackBuilding {
		building.Store(name, true)
	}
	// ... the build runs here, for seconds or minutes ...
	if trackBuilding {
		building.Delete(name)
	}
	atomic.AddInt32(&running, -1)
	if outcome == 1 {
		return errors.New("building " + name + ": exit status 1")
	}
	return nil
}

// anotherBuildRunning reports whether a target other than name is being built.
func anotherBuildRunning(name string) bool {
	other := false
	building.Range(func(key, value any) bool {
		if key != name {
			other = true
		}
		return !other
	})
	return other
}

// Results each caller got per target (P0.2).
var results sync.Map

// checkSameResult asserts P0.2: every caller of a target sees the same (exe, err).
func checkSameResult(name, exe string, err error) {
	result := exe + " | <nil>"
	if err != nil {
		result = exe + " | " + err.Error()
	}
	if previous, loaded := results.LoadOrStore(name, result); loaded && previous != result {
		panic("P0.2: callers of " + name + " saw different results")
	}
}
