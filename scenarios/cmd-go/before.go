// Model of cmd/go's builder cleanup registry BEFORE 55d96f98ef13: golang/go 308352936712,
// src/cmd/go/internal/work/action.go NewBuilder L247-L319 (a temporary WorkDir L261-L278, its
// removal registered with base.AtExit L279-L300), base.AtExit/Exit as in base.go.
//
// Bound: 2 goroutines call NewBuilder("") concurrently (two parallel script tests running
// `cc`, issue #54423); main waits for them, then exits through base.Exit. No -n, no -work.
// Properties: P1.1 no data race on atExitFuncs; P1.2 every temp dir is registered for removal
// (the model asserts at exit that no temp dir is left).
// Bug (the README's Bundled models): both goroutines append to atExitFuncs with no lock: a race, and, in
// the interleaving where both read the slice before either writes it back, one handler is lost
// and its temp dir is never removed.
//
// gomc:include base.go
// gomc:races
// gomc:expect race, panic
package main

import "sync"

// Builder keeps the one field the registry touches (action.go:L38).
type Builder struct {
	WorkDir string
}

// NewBuilder("") is action.go:L247-L319 for an empty workDir, cfg.BuildN and cfg.BuildWork
// false, and valid GOOS/GOARCH and tags.
func NewBuilder(workDir string) *Builder {
	b := new(Builder)
	if workDir != "" {
		b.WorkDir = workDir
	} else {
		tmp := mkdirTemp() // L261-L264
		b.WorkDir = tmp    // L273
		workdir := b.WorkDir
		AtExit(func() { // L281-L300: the retry loop is Windows-only timing
			removeAll(workdir)
		})
	}
	return b
}

// checkAtExit asserts P1.2 once every handler has run.
func checkAtExit() {
	if leftoverDirs() != 0 {
		panic("P1.2: a work dir was never removed: its AtExit handler was lost")
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			NewBuilder("")
		}()
	}
	wg.Wait()
	Exit()
}
