// Parallel top-level tests filling every -parallel slot, against the restored design (golang/go
// 6317fb41e920, still on master): the size a design review asks about. `tests` tests each mark
// themselves parallel and then count themselves under a mutex, with -parallel=`tests`. Bundled
// with 3 tests; the README's "Against SPIN" gives the search of 4 tests with -parallel=4:
//
//	gomc check testing/restored_parallel_tests.go --set tests=4 --set maxParallel=4
//
// No violation: every test completes once, at most -parallel parallel bodies run at once.
//
// gomc:include runner_slots.go
// gomc:include runner_restored.go
// gomc:include programs.go
// gomc:set maxParallel=3
// gomc:expect none
package main

const tests = 3

func main() {
	var all []func(t *T)
	for i := 0; i < tests; i++ {
		all = append(all, TestParallelWork)
	}
	runTests(all)
	if parallelDone != tests {
		panic("testing model: a parallel test did not complete once")
	}
}
