// TestConcurrentRun (#64402) on the restored design, also asserting that every test completed
// before the test run ended (Run's documented contract: "all such calls must return before the
// outer test function for t returns").
//
// Upstream's own regression test breaks that contract: it waits for its subtests' bodies
// (done.Done is their last statement), not for its Run calls, so the outer test can return and
// the run end while a subtest has not yet sent its completion signal. Harmless here (the signal
// channel is buffered), but the contract it documents does not hold for it.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:set strictCompletion=true
// gomc:expect panic
package main

func main() { runTests([]func(t *T){TestConcurrentRun}) }
