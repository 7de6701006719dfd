// #64470: -parallel=1, two concurrent Run callers, each with a sequential subtest that has one
// parallel subtest; the runner asserts that at most -parallel parallel bodies run and that the
// running count never goes negative.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// #64470 reproduced: the sequential subtests S1 and S2 both borrow the main slot and each
// releases it for its parallel subtest, so the running count goes negative and two parallel
// bodies run with -parallel=1. The shortest trace shows the borrowed slot released twice.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:set maxParallel=1
// gomc:expect panic
package main

func main() { runTests([]func(t *T){TestOversubscribe}) }
