// TestParentRun (#64402): a subtest calls Run on its parent's T.
// Run against CL 506755's design (golang/go e6b76bfc4675, reverted).
//
// #64402 reproduced: the outer test holds t1.runMu while it waits on <-sub.doneOrParallel,
// and the subtest blocks in t1.runMu.Lock (the README's Bundled models).
//
// gomc:include runner_cl506755.go
// gomc:include programs.go
// gomc:expect deadlock
package main

func main() { runTests([]func(t *T){TestParentRun}) }
