// A typical suite with -parallel=2: a test with two parallel subtests and a cleanup, one that
// calls FailNow on itself from a subtest, one sequential with a nested Run; every cleanup must run
// once, after its test's subtests, and every test must complete exactly once.
// Run against the restored design with the fix of golang/go PR #80562 (open), as its description
// states it.
//
// No violation.
//
// gomc:include runner_slots.go
// gomc:include runner_pr80562.go
// gomc:include programs.go
// gomc:set maxParallel=2
// gomc:expect none
package main

func main() { runSuite() }
