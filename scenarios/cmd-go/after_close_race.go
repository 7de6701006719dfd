// Residual hazard of cmd/go's builder registry AFTER 55d96f98ef13 (the README's Bundled models, P1.3):
// work_after.go's Close (action.go:L306-L325) racing the exit-time closeBuilders
// (action.go:L327-L340) on the same builder. Unreported upstream; the code is unchanged on
// master (action.go:L337-L373 at d1c13566375d).
//
// Bound: 2 goroutines, 1 builder. A build goroutine owns the builder and closes it with its
// deferred `b.Close()` (as runBuild does); meanwhile main fails, base.Fatalf → Exit →
// closeBuilders → b.Close() on the same builder.
// Findings: both Close calls can Load the registry entry before either Delete runs, so both
// go on: a data race on b.WorkDir (one writes "", the other reads it), and, when both read
// the directory before either clears it, the directory is removed twice (the model's P1.3
// assertion in removeAll panics). The race on exitStatus (Close's Errorf against Exit's
// unlocked read) is reachable too.
//
// gomc:include base.go
// gomc:include work_after.go
// gomc:races
// gomc:expect race, panic
package main

// checkAtExit asserts P1.2 once every handler has run.
func checkAtExit() {
	if leftoverDirs() != 0 {
		panic("P1.2: a work dir was never removed")
	}
}

func main() {
	BuildInit()
	b := NewBuilder("")
	go func() {
		defer b.Close()
	}()
	Fatalf("go: build failed")
}
