// Shared declarations of the cmd/go builder-registry models AFTER the fix: golang/go
// 55d96f98ef13, src/cmd/go/internal/work/init.go BuildInit L27-L34 (once, registering
// closeBuilders as the only exit handler) and action.go NewBuilder L249-L302 (registers the
// builder in a sync.Map), builderWorkDirs L304, Close L306-L325 (idempotent through
// Load + deferred Delete), closeBuilders L327-L340 (closes what is left; a builder left at a
// clean exit turns the status into 1). The same design is on master (the README's Bundled models).
//
// gomc:library
package main

import "sync"

// Builder keeps the one field the registry touches (action.go:L38).
type Builder struct {
	WorkDir string
}

// buildInitStarted is init.go:L27: a plain bool, BuildInit being single-threaded.
var buildInitStarted = false

// BuildInit is init.go:L29-L34 (modload.Init and the rest are not modelled).
func BuildInit() {
	if buildInitStarted {
		Fatalf("go: internal error: work.BuildInit called more than once")
	}
	buildInitStarted = true
	AtExit(closeBuilders)
}

// NewBuilder("") is action.go:L249-L302 for an empty workDir, cfg.BuildN and cfg.BuildWork
// false, and valid GOOS/GOARCH and tags.
func NewBuilder(workDir string) *Builder {
	b := new(Builder)
	if workDir != "" {
		b.WorkDir = workDir
	} else {
		if !buildInitStarted { // L265-L267
			panic("internal error: NewBuilder called before BuildInit")
		}
		tmp := mkdirTemp() // L268-L271
		b.WorkDir = tmp    // L280
		builderWorkDirs.Store(b, b.WorkDir)
	}
	return b
}

// builderWorkDirs is action.go:L304, a sync.Map *Builder → WorkDir. The model language has no
// type assertions (`bi.(*Builder)`), so it is a typed map behind its own mutex with sync.Map's
// methods: each one is a single critical section, as sync.Map's operations are linearizable,
// and Range calls f outside it, on the entries present when it started.
var builderWorkDirs = workDirMap{dirs: map[*Builder]string{}}

type workDirMap struct {
	mu   sync.Mutex
	dirs map[*Builder]string
}

func (m *workDirMap) Store(b *Builder, dir string) {
	m.mu.Lock()
	m.dirs[b] = dir
	m.mu.Unlock()
}

func (m *workDirMap) Load(b *Builder) (string, bool) {
	m.mu.Lock()
	dir, ok := m.dirs[b]
	m.mu.Unlock()
	return dir, ok
}

func (m *workDirMap) Delete(b *Builder) {
	m.mu.Lock()
	delete(m.dirs, b)
	m.mu.Unlock()
}

func (m *workDirMap) Range(f func(b *Builder, dir string) bool) {
	m.mu.Lock()
	var builders []*Builder
	var dirs []string
	for b, dir := range m.dirs {
		builders = append(builders, b)
		dirs = append(dirs, dir)
	}
	m.mu.Unlock()
	for i, b := range builders {
		if !f(b, dirs[i]) {
			return
		}
	}
}

// Close is action.go:L306-L325 (cfg.BuildWork false).
func (b *Builder) Close() error {
	wd, ok := builderWorkDirs.Load(b)
	if !ok {
		return nil
	}
	defer builderWorkDirs.Delete(b)
	if b.WorkDir != wd {
		Errorf("go: internal error: Builder WorkDir unexpectedly changed")
	}
	removeAll(b.WorkDir)
	b.WorkDir = ""
	return nil
}

// closeBuilders is action.go:L327-L340.
func closeBuilders() {
	leakedBuilders := 0
	builderWorkDirs.Range(func(b *Builder, _ string) bool {
		leakedBuilders++
		b.Close()
		return true
	})
	if leakedBuilders > 0 && GetExitStatus() == 0 {
		println("go: internal error: Builder leaked on successful exit")
		SetExitStatus(1)
	}
}
