// Shared declarations of the cmd/go builder-registry models: package cmd/go/internal/base's
// exit handlers and exit status, and a stand-in for the file system's temporary directories.
//
// Mirrors golang/go 55d96f98ef13 (identical at its parent 308352936712),
// src/cmd/go/internal/base/base.go: atExitFuncs L107, AtExit L109-L111 (an unsynchronized
// append), Exit L113-L118 (runs every handler, then os.Exit), Fatalf L120-L123, Errorf
// L125-L128, exitStatus/exitMu L137-L138, SetExitStatus L139-L145 (locked), GetExitStatus
// L147-L149 (NOT locked; still so on master, the README's Bundled models).
//
// The model's own bookkeeping (the set of temporary directories, the exit-time check) uses
// sync.Map and atomics, so that it adds no data race of its own.
//
// gomc:library
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// atExitFuncs is base.go:L107: a plain slice, no lock.
var atExitFuncs []func()

// AtExit is base.go:L109-L111.
func AtExit(f func()) {
	atExitFuncs = append(atExitFuncs, f)
}

// Exit is base.go:L113-L118; checkAtExit is the model's assertion, run after the handlers,
// just before the process would exit.
func Exit() {
	for _, f := range atExitFuncs {
		f()
	}
	checkAtExit()
	os.Exit(exitStatus)
}

// Fatalf is base.go:L120-L123 (the message is not modelled).
func Fatalf(message string) {
	Errorf(message)
	Exit()
}

// Errorf is base.go:L125-L128.
func Errorf(message string) {
	println(message)
	SetExitStatus(1)
}

var exitStatus = 0
var exitMu sync.Mutex

// SetExitStatus is base.go:L139-L145.
func SetExitStatus(n int) {
	exitMu.Lock()
	if exitStatus < n {
		exitStatus = n
	}
	exitMu.Unlock()
}

// GetExitStatus is base.go:L147-L149: it reads exitStatus without exitMu.
func GetExitStatus() int {
	return exitStatus
}

// The file system: the temporary directories that exist (name → true).
var tempDirs sync.Map
var tempDirCount int32

// mkdirTemp stands for os.MkdirTemp(GOTMPDIR, "go-build"): a new directory.
func mkdirTemp() string {
	dir := fmt.Sprintf("/tmp/go-build%d", atomic.AddInt32(&tempDirCount, 1))
	tempDirs.Store(dir, true)
	return dir
}

// removeAll stands for os.RemoveAll / robustio.RemoveAll. Removing a directory twice is
// harmless on a real file system; the model asserts it never happens (P1.3, at most once).
func removeAll(dir string) {
	if dir == "" {
		return
	}
	if _, existed := tempDirs.LoadAndDelete(dir); !existed {
		panic("P1.3: work dir " + dir + " removed twice")
	}
}

// leftoverDirs counts the temporary directories that still exist.
func leftoverDirs() int {
	n := 0
	tempDirs.Range(func(key, value any) bool {
		n++
		return true
	})
	return n
}
