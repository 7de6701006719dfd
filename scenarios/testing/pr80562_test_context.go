// Go's own TestTestContext table (src/testing/sub_test.go), driving waitParallel/release through
// its three sequences in every interleaving.
// Run against the restored design with the fix of golang/go PR #80562 (open), as its description
// states it.
//
// No violation: the table does not reacquire, so the fix does not change it.
//
// gomc:include runner_slots.go
// gomc:include runner_pr80562.go
// gomc:include test_context.go
// gomc:expect none
package main

func main() { TestTestContext() }
