// TestHang (#23368): a parallel test waits in its body for its own parallel subtest.
// Run against CL 506755's design (golang/go e6b76bfc4675, reverted).
//
// Deadlock by design of the protocol, as in the restored design.
//
// gomc:include runner_cl506755.go
// gomc:include programs.go
// gomc:expect deadlock
package main

func main() { runTests([]func(t *T){TestHang}) }
