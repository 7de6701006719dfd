// Variant of after.go in which both jobs fail at once (the README's Bundled models, "concurrent fatal
// calls"): both helpers call fatal, both pass bgdied.Wait, and both run xexit(2), so the exit
// handlers run twice (P2.6). The model's rmworkdir detects it with a panic. No report of this
// upstream; cmd/dist was redesigned in 0e5b4eb07bfe.
//
// gomc:model after.go
// gomc:set everyJobFails=true
// gomc:expect panic
package main
