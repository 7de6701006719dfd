// TestConcurrentRun (#64402): two concurrent Run calls whose subtests rendezvous.
// Run against the restored design with the fix of golang/go PR #80562 (open), as its description
// states it.
//
// No violation: the fix leaves concurrent Run alone.
//
// gomc:include runner_slots.go
// gomc:include runner_pr80562.go
// gomc:include programs.go
// gomc:expect none
package main

func main() { runTests([]func(t *T){TestConcurrentRun}) }
