// Go's own TestTestContext table (src/testing/sub_test.go), driving waitParallel/release through
// its three sequences in every interleaving.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// No violation: the model's waitParallel/release pass Go's own table in every interleaving.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include test_context.go
// gomc:expect none
package main

func main() { TestTestContext() }
