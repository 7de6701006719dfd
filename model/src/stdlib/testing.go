// Package testing for models: the test runner of src/testing/testing.go in the restored design
// (golang/go 6317fb41e920, still the design on master), which scenarios/testing/runner_slots.go
// and runner_restored.go model with the instrumentation that found #64402. gomc compiles this
// file with a model that imports "testing"; `gomc test` runs each TestXxx through runTest.
//
// Mirrored (testing.go at 6317fb41e920): common and T's fields (L594-L660, L917-L930), Name,
// Fail, Failed, FailNow (L979-L1006), log, Log*/Error*/Fatal*/Skip*, SkipNow, Skipped, Helper,
// Cleanup (L1154-L1170), runCleanup (L1320-L1360), Parallel (L1442-L1500), tRunner
// (L1539-L1688), Run (L1696-L1755), testContext with waitParallel and release (L1758-L1816),
// runTests (L2117-L2160); Context from Go 1.24 (canceled just before the cleanups run); Short,
// Testing and Verbose from Go 1.23.
//
// Differences from the real package, each for a reason:
//   - Output: `=== RUN`, `=== PAUSE`, `=== CONT` and `--- PASS/FAIL/SKIP: name (0.00s)` as
//     `go test -v` prints them, with no durations (a model has no wall clock) and log lines
//     without their file:line prefix (there is no runtime.Caller); a log line is printed when
//     it is logged, as -v does, not buffered until the test ends.
//   - common.mu is an RWMutex upstream and only guards flags here, so it is a Mutex.
//   - Cleanup panics, benchmarks, fuzzing, -failfast, -shuffle, TempDir, Setenv, Attr, Chdir
//     and the race-detector hooks are left out; the front end names what it lacks.
//   - A failed test ends the program with gomc's `fail` outcome (failTest) instead of the
//     test binary's exit status 1, so that a failure reachable in one interleaving is a finding.
//   - Context is made on first use rather than with the test (the same context either way).
package testing

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// testContext holds the -parallel slots all tests share.
type testContext struct {
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	maxParallel   int
}

func newTestContext(maxParallel int) *testContext {
	return &testContext{startParallel: make(chan bool), maxParallel: maxParallel, running: 1}
}

func (c *testContext) waitParallel() {
	c.mu.Lock()
	if c.running < c.maxParallel {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numWaiting++
	c.mu.Unlock()
	<-c.startParallel
}

func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting == 0 {
		c.running--
		c.mu.Unlock()
		return
	}
	c.numWaiting--
	c.mu.Unlock()
	c.startParallel <- true
}

// T is a test's handle.
type T struct {
	mu          sync.Mutex
	name        string
	parent      *T
	context     *testContext
	signal      chan bool
	barrier     chan bool
	sub         []*T
	subNames    map[string]int
	finished    bool
	done        bool
	failed      bool
	skipped     bool
	isParallel  bool
	cleanups    []func()
	inCleanup   bool
	ctx         context.Context
	cancelCtx   context.CancelFunc
	ctxCanceled bool
}

// Name returns the test's name, with its parents' names before it.
func (t *T) Name() string { return t.name }

// Fail marks the test (and its parents) as failed and goes on.
func (t *T) Fail() {
	if t.parent != nil {
		t.parent.Fail()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		panic("Fail in goroutine after " + t.name + " has completed")
	}
	t.failed = true
}

// Failed reports whether the test has failed.
func (t *T) Failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.failed
}

// FailNow marks the test as failed and stops it with runtime.Goexit.
func (t *T) FailNow() {
	t.Fail()
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
	runtime.Goexit()
}

// log prints s as -v does (indented under the test, later lines indented further).
func (t *T) log(s string) {
	s = strings.TrimSuffix(s, "\n")
	s = strings.ReplaceAll(s, "\n", "\n        ")
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done {
		panic("Log in goroutine after " + t.name + " has completed: " + s)
	}
	fmt.Println("    " + s)
}

// Log formats its arguments as fmt.Println does and logs them.
func (t *T) Log(args ...any) { t.log(sprintln(printable(args))) }

// Logf formats its arguments as fmt.Printf does and logs them.
func (t *T) Logf(format string, args ...any) { t.log(sprintf(format, printable(args))) }

// Error is Log followed by Fail.
func (t *T) Error(args ...any) {
	t.log(sprintln(printable(args)))
	t.Fail()
}

// Errorf is Logf followed by Fail.
func (t *T) Errorf(format string, args ...any) {
	t.log(sprintf(format, printable(args)))
	t.Fail()
}

// Fatal is Log followed by FailNow.
func (t *T) Fatal(args ...any) {
	t.log(sprintln(printable(args)))
	t.FailNow()
}

// Fatalf is Logf followed by FailNow.
func (t *T) Fatalf(format string, args ...any) {
	t.log(sprintf(format, printable(args)))
	t.FailNow()
}

// Skip is Log followed by SkipNow.
func (t *T) Skip(args ...any) {
	t.log(sprintln(printable(args)))
	t.SkipNow()
}

// Skipf is Logf followed by SkipNow.
func (t *T) Skipf(format string, args ...any) {
	t.log(sprintf(format, printable(args)))
	t.SkipNow()
}

// SkipNow marks the test as skipped and stops it with runtime.Goexit.
func (t *T) SkipNow() {
	t.mu.Lock()
	t.skipped = true
	t.finished = true
	t.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (t *T) Skipped() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.skipped
}

// Helper marks the caller as a helper; without file:line prefixes it has nothing to change.
func (t *T) Helper() {}

// Context returns a context canceled just before the test's cleanups run.
func (t *T) Context() context.Context {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ctx == nil {
		t.ctx, t.cancelCtx = context.WithCancel(context.Background())
		if t.ctxCanceled {
			t.cancelCtx()
		}
	}
	return t.ctx
}

// Cleanup registers f to run after the test and its subtests, last registered first.
func (t *T) Cleanup(f func()) {
	t.mu.Lock()
	t.cleanups = append(t.cleanups, f)
	t.mu.Unlock()
}

func (t *T) runCleanup() {
	t.mu.Lock()
	t.inCleanup = true
	t.ctxCanceled = true
	cancel := t.cancelCtx
	t.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	for {
		t.mu.Lock()
		n := len(t.cleanups)
		if n == 0 {
			t.mu.Unlock()
			return
		}
		f := t.cleanups[n-1]
		t.cleanups = t.cleanups[:n-1]
		t.mu.Unlock()
		f()
	}
}

// Parallel signals that the test runs in parallel with other parallel tests: it pauses until
// its parent's function returns, then waits for a -parallel slot.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	t.isParallel = true
	if t.parent.barrier == nil {
		return
	}
	fmt.Println("=== PAUSE " + t.name)
	t.parent.sub = append(t.parent.sub, t)
	t.signal <- true
	<-t.parent.barrier
	t.context.waitParallel()
	fmt.Println("=== CONT  " + t.name)
}

// report prints the test's result line.
func (t *T) report() {
	if t.parent == nil {
		return
	}
	status := "PASS"
	if t.failed {
		status = "FAIL"
	} else if t.skipped {
		status = "SKIP"
	}
	fmt.Println("--- " + status + ": " + t.name + " (0.00s)")
}

func tRunner(t *T, fn func(t *T)) {
	defer func() {
		err := recover()
		signal := true
		t.mu.Lock()
		finished := t.finished
		t.mu.Unlock()
		if !finished && err == nil {
			err = "test executed panic(nil) or runtime.Goexit"
			for p := t.parent; p != nil; p = p.parent {
				p.mu.Lock()
				finished = p.finished
				p.mu.Unlock()
				if finished {
					if !t.isParallel {
						t.Errorf("%v: subtest may have called FailNow on a parent test", err)
						err = nil
					}
					signal = false
					break
				}
			}
		}
		didPanic := false
		defer func() {
			if didPanic {
				return
			}
			if err != nil {
				panic(err)
			}
			t.signal <- signal
		}()
		if err != nil {
			t.Fail()
			t.report()
			t.runCleanup()
			for root := t; root.parent != nil; root = root.parent {
				root.parent.runCleanup()
			}
			didPanic = true
			panic(err)
		}
		if len(t.sub) > 0 {
			t.context.release()
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			t.runCleanup()
			if !t.isParallel {
				t.context.waitParallel()
			}
		} else if t.isParallel {
			t.context.release()
		}
		t.report()
		t.done = true
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanup()
		}
	}()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// Run runs f as a subtest of t called name, in its own goroutine, and waits until f returns
// or calls t.Parallel; it reports whether f succeeded (or had not yet failed when it paused).
func (t *T) Run(name string, f func(t *T)) bool {
	if t.inCleanup {
		panic("testing: t.Run called during t.Cleanup")
	}
	name = t.subName(name)
	sub := &T{barrier: make(chan bool), signal: make(chan bool, 1), name: name, parent: t, context: t.context}
	fmt.Println("=== RUN   " + name)
	go tRunner(sub, f)
	if !<-sub.signal {
		runtime.Goexit()
	}
	return !sub.failed
}

// subName is the full name of t's subtest called name: spaces become underscores and a name
// used before gets #01, #02, ... (testing/match.go's unique).
func (t *T) subName(name string) string {
	name = strings.ReplaceAll(name, " ", "_")
	if t.parent != nil {
		name = t.name + "/" + name
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.subNames == nil {
		t.subNames = map[string]int{}
	}
	n := t.subNames[name]
	t.subNames[name] = n + 1
	if n == 0 {
		return name
	}
	if n < 10 {
		return name + "#0" + fmt.Sprint(n)
	}
	return name + "#" + fmt.Sprint(n)
}

// short is the -short flag (Go 1.23's testing.go L413: `short = flag.Bool("test.short", ...)`).
var short bool

// Short reports whether the -short flag is set (Go 1.23's testing.go L638; its panics for a
// call before flag.Parse cannot happen: there is no TestMain).
func Short() bool { return short }

// Testing reports whether the code runs in a test: always, here (Go 1.23's testing.go L662).
func Testing() bool { return true }

// Verbose reports whether -v is set: gomc test prints as `go test -v` does (L677).
func Verbose() bool { return true }

// runTest runs test function f called name as `go test -run '^name$' -parallel=parallel`
// (and -short when short) does, then ends the program with the fail outcome if it failed
// (gomc test's entry).
func runTest(name string, f func(t *T), parallel int, shortFlag bool) {
	short = shortFlag
	root := &T{signal: make(chan bool, 1), barrier: make(chan bool), context: newTestContext(parallel)}
	tRunner(root, func(t *T) {
		t.Run(name, f)
	})
	if root.failed {
		failTest(name)
	}
}

// printable replaces each error or Stringer among args by its text, as fmt's handleMethods
// does for %v and %s.
func printable(args []any) []any {
	out := make([]any, len(args))
	for i, arg := range args {
		switch v := arg.(type) {
		case error:
			out[i] = v.Error()
		case interface{ String() string }:
			out[i] = v.String()
		default:
			out[i] = arg
		}
	}
	return out
}
