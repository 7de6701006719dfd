#!/usr/bin/env bash
# Thread scaling of the native breadth-first search (README "Performance", "Threads").
#
# Runs each workload with `--threads N` for every N in $THREADS and prints one Markdown table:
# states, seconds, speed-up over one thread, and peak resident memory, as gomc's own statistics
# line reports them. The report itself is the same for every N (model/tests/threads.rs), so
# only the time and memory change.
#
# Usage: bench/threads.sh                     (gomc from target/release, threads 1 2 4 8 16)
#        GOMC=path/to/gomc THREADS="1 2" bench/threads.sh
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
gomc=${GOMC:-target/release/gomc}
threads=${THREADS:-"1 2 4 8 16"}

echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo
echo "| workload | threads | states | time | speed-up | peak memory |"
echo "|---|---|---|---|---|---|"

# workload LABEL ARGS...: one row per thread count.
workload() {
	local label=$1
	shift
	local base=""
	for n in $threads; do
		local out states seconds memory speedup
		out=$("$gomc" check "$@" --threads "$n" 2>&1 || true)
		states=$(sed -n 's/^statistics: \([0-9]*\) states.*/\1/p' <<<"$out")
		seconds=$(sed -n 's/^time: \([0-9.]*\) s.*/\1/p' <<<"$out")
		memory=$(sed -n 's/.*peak memory \([0-9.]* [KMG]B\).*/\1/p' <<<"$out")
		if [[ -z $states || -z $seconds ]]; then
			echo "| $label | $n | (no statistics: $(tail -n 1 <<<"$out")) | | | |"
			continue
		fi
		base=${base:-$seconds}
		speedup=$(awk -v b="$base" -v s="$seconds" 'BEGIN { printf "%.2f", b / s }')
		echo "| $label | $n | $states | $seconds s | $speedup | $memory |"
	done
}

workload "mutex counter W=10 K=2" bench/mutex_counter.go --set W=10 --set K=2
workload "mutex counter W=6 K=2, --reduction none" bench/mutex_counter.go --set W=6 --set K=2 \
	--reduction none
workload "cmd/dist after the fix, 4 helpers x 6 jobs" scenarios/cmd-dist/after.go \
	--set maxbg=4 --set njobs=6
