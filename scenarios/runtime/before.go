// Model of runtime's buildTestProg BEFORE 0555ea3ce997: golang/go ab75484d7130,
// src/runtime/crash_test.go testprog/buildexe L34-L43, buildTestProg L111-L151: one mutex,
// held (deferred Unlock) for the whole call, the `go build` included.
//
// Bound: 2 parallel tests; "testprog" is already built when they start; T1 wants
// "testprogcgo" (a slow cgo build), T2 wants "testprog". Builds succeed.
// Property P0.4: a caller never waits on testprog's lock while an unrelated build runs. The
// model asserts it where the test would block: a TryLock that fails while another target is
// being built.
// Bug (the README's Bundled models, #44422): T2's cache hit waits for T1's whole build, since T1 builds
// holding the lock: panic.
//
// gomc:include harness.go
// gomc:races
// gomc:set trackBuilding=true
// gomc:expect panic
package main

import "sync"

// testprog is crash_test.go:L34-L38.
var testprog struct {
	sync.Mutex
	dir    string
	target map[string]buildexe
}

// buildexe is crash_test.go:L40-L43.
type buildexe struct {
	exe string
	err error
}

var toRemove []string

// buildTestProg is crash_test.go:L111-L151 without flags (name == binary) and with -quick
// off.
func buildTestProg(binary string) (string, error) {
	if !testprog.TryLock() { // the model's P0.4 check, then L116
		if anotherBuildRunning(binary) {
			panic("P0.4: " + binary + " waits for testprog while another target builds")
		}
		testprog.Lock()
	}
	defer testprog.Unlock() // L117
	if testprog.dir == "" { // L118-L125
		dir, err := mkdirTemp()
		if err != nil {
			fatalf()
		}
		testprog.dir = dir
		toRemove = append(toRemove, dir)
	}
	if testprog.target == nil { // L127-L129
		testprog.target = make(map[string]buildexe)
	}
	name := binary
	target, ok := testprog.target[name] // L134-L137: a cache hit
	if ok {
		return target.exe, target.err
	}
	exe := testprog.dir + "/" + name + ".exe" // L139-L142: go build, lock held
	if err := goBuild(name, 0); err != nil {
		target.err = err
		testprog.target[name] = target
		return "", target.err
	}
	target.exe = exe // L148-L150
	testprog.target[name] = target
	return exe, nil
}

func main() {
	buildTestProg("testprog")
	runTests("testprogcgo", "testprog")
}
