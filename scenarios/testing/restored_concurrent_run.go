// TestConcurrentRun (#64402): two concurrent Run calls whose subtests rendezvous.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// No violation: both Run calls proceed at once, both subtests reach ready.Done, and the test
// closes block (the README's Bundled models).
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:expect none
package main

func main() { runTests([]func(t *T){TestConcurrentRun}) }
