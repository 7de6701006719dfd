// #64470: -parallel=1, two concurrent Run callers, each with a sequential subtest that has one
// parallel subtest; the runner asserts that at most -parallel parallel bodies run and that the
// running count never goes negative.
// Run against the restored design with the fix of golang/go PR #80562 (open), as its description
// states it.
//
// The fix removes the over-subscription (no panic) but can hang: S2 releases the shared main
// slot, its parallel subtest runs, and S2 takes the slot back before S1's parallel subtest has
// queued; S1 skipped its own release because the flag was set, so S1's subtest waits for a
// slot that the main line never gives back. This reads the PR's description, not its diff.
//
// gomc:include runner_slots.go
// gomc:include runner_pr80562.go
// gomc:include programs.go
// gomc:set maxParallel=1
// gomc:expect deadlock
package main

func main() { runTests([]func(t *T){TestOversubscribe}) }
