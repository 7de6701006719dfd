// TestConcurrentRun (#64402): two concurrent Run calls whose subtests rendezvous.
// Run against CL 506755's design (golang/go e6b76bfc4675, reverted).
//
// #64402 reproduced: the first Run holds runMu until its subtest finishes, which waits on
// block; the second Run waits on runMu, so ready.Wait never returns (the README's Bundled models).
//
// gomc:include runner_cl506755.go
// gomc:include programs.go
// gomc:expect deadlock
package main

func main() { runTests([]func(t *T){TestConcurrentRun}) }
