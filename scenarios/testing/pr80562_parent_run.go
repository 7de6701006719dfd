// TestParentRun (#64402): a subtest calls Run on its parent's T.
// Run against the restored design with the fix of golang/go PR #80562 (open), as its description
// states it.
//
// No violation: the fix leaves reentrant Run alone.
//
// gomc:include runner_slots.go
// gomc:include runner_pr80562.go
// gomc:include programs.go
// gomc:expect none
package main

func main() { runTests([]func(t *T){TestParentRun}) }
