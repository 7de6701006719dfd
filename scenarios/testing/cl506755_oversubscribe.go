// #64470: -parallel=1, two concurrent Run callers, each with a sequential subtest that has one
// parallel subtest; the runner asserts that at most -parallel parallel bodies run and that the
// running count never goes negative.
// Run against CL 506755's design (golang/go e6b76bfc4675, reverted).
//
// No violation: runMu serialises the Run calls and the token semaphore bounds parallel
// bodies (what CL 506755 set out to fix, at the price of #64402).
//
// gomc:include runner_cl506755.go
// gomc:include programs.go
// gomc:set maxParallel=1
// gomc:expect none
package main

func main() { runTests([]func(t *T){TestOversubscribe}) }
