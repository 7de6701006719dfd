// Variant of before.go with 1 helper that asserts that exit handlers run once (P2.6).
//
// the README's Bundled models: before the fix, P2.6 fails even with one helper: main's own xexit(0)
// races the die goroutine's xexit(2), and both run the exit handlers.
//
// gomc:model before.go
// gomc:set maxbg=1
// gomc:set checkExitHandlers=true
// gomc:expect panic
package main
