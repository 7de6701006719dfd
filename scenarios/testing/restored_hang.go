// TestHang (#23368): a parallel test waits in its body for its own parallel subtest.
// Run against the restored design (golang/go 6317fb41e920, still on master).
//
// Deadlock by design of the protocol (both designs): the parallel subtest waits for the
// parent's body to return, and the body waits for the subtest.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:expect deadlock
package main

func main() { runTests([]func(t *T){TestHang}) }
