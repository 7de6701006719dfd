// TestParentRun (#64402): a subtest calls Run on its parent's T.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// No violation: nothing is locked, so not_inner runs as another child of t1, signals, and
// outer returns (the README's Bundled models).
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:expect none
package main

func main() { runTests([]func(t *T){TestParentRun}) }
