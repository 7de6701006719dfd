// Residual hazard of cmd/go AFTER 55d96f98ef13 (the README's Bundled models, P1.7): base.GetExitStatus
// (base.go:L147-L149) reads exitStatus without exitMu, which SetExitStatus (L139-L145) holds.
// closeBuilders (action.go:L327-L340) reads it at exit to decide whether a leaked builder is
// an error. A PR making the read locked (golang/go#66363) was closed; the unlocked read is
// still on master (base.go:L194 at d1c13566375d).
//
// Bound: 2 goroutines. Main leaves a builder open and exits through base.Exit; another
// goroutine reports an error with base.Errorf (SetExitStatus(1)) at the same time.
// Finding: a data race on exitStatus: the goroutine's locked write against closeBuilders'
// unlocked GetExitStatus (or Exit's own unlocked read for os.Exit).
//
// gomc:include base.go
// gomc:include work_after.go
// gomc:races
// gomc:expect race
package main

// checkAtExit asserts P1.2 once every handler has run.
func checkAtExit() {
	if leftoverDirs() != 0 {
		panic("P1.2: a work dir was never removed")
	}
}

func main() {
	BuildInit()
	NewBuilder("")
	go Errorf("go: vet failed")
	Exit()
}
