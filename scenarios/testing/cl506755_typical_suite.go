// A typical suite with -parallel=2: a test with two parallel subtests and a cleanup, one that
// calls FailNow on itself from a subtest, one sequential with a nested Run; every cleanup must run
// once, after its test's subtests, and every test must complete exactly once.
// Run against CL 506755's design (golang/go e6b76bfc4675, reverted).
//
// No violation, as in the restored design.
//
// gomc:include runner_cl506755.go
// gomc:include programs.go
// gomc:set maxParallel=2
// gomc:expect none
package main

func main() { runSuite() }
