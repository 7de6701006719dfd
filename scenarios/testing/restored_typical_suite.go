// A typical suite with -parallel=2: a test with two parallel subtests and a cleanup, one that
// calls FailNow on itself from a subtest, one sequential with a nested Run; every cleanup must run
// once, after its test's subtests, and every test must complete exactly once.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// No violation: the cleanup runs once, after both parallel subtests; FailNow on the parent
// ends the parent's Run caller; every test completes once.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:set maxParallel=2
// gomc:expect none
package main

func main() { runSuite() }
