// Residual hazard of runtime's buildTestProg AFTER 0555ea3ce997 (the README's Bundled models, P0.5),
// unreported and still on master (crash_test.go:L143-L151 at d1c13566375d): when
// os.MkdirTemp fails, t.Fatalf runs runtime.Goexit while testprog is locked (L121-L126), and
// since the fix dropped the deferred Unlock, the lock is never released.
//
// Bound: after.go's 3 tests, builds succeed, MkdirTemp may fail.
// Verdict: deadlock. The failing test ends (Goexit runs its deferred wg.Done), every later
// caller blocks in testprog.Lock forever, and the test binary's main (m.Run, here runTests)
// waits for them in wg.Wait: every goroutine is blocked while the entry function has not
// returned, which is a deadlock, not a leak (a leak needs the entry function to return). In
// `go test` the -timeout alarm ends it as a panic, "test timed out".
//
// gomc:model after.go
// gomc:set buildOutcomes=1 mkdirCanFail=true
// gomc:expect deadlock
package main
