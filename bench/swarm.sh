#!/usr/bin/env bash
# Time to the first bug: swarm search vs breadth-first search with --stop-at-first vs shuttle's
# PCT and random schedulers (README "Performance", "Swarm: bug hunting past exhaustion").
#
# For each workload and method, prints one Markdown row: the wall-clock time until the first
# violation was reported, the work done until then (distinct states for the native engine,
# executions for shuttle) and the length of the witness. shuttle has no stop at the first bug:
# it is run with 10, 100, ... executions (up to $ITERATIONS) until one fails, to learn the number
# F of the first execution that fails; the time is then that of a run with `--iterations F`,
# which ends at that execution (the seed makes it the same run).
#
# Usage: bench/swarm.sh                       (gomc from target/release)
#        GOMC=path/to/gomc JOBS=64 LIMIT=300 bench/swarm.sh
# Build first: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
gomc=${GOMC:-target/release/gomc}
jobs=${JOBS:-64}
limit=${LIMIT:-300}
iterations=${ITERATIONS:-100000}

echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo
echo "| workload | method | time to first bug | work | witness |"
echo "|---|---|---|---|---|"

# field TEXT SED-EXPRESSION: the first match, or "-".
field() {
	local value
	value=$(sed -n "$2" <<<"$1" | head -n 1)
	echo "${value:--}"
}

# native LABEL METHOD ARGS...: one row for a native run (BFS or swarm).
native() {
	local label=$1 method=$2 out seconds states steps
	shift 2
	out=$("$gomc" check "$@" --time-limit "$limit" 2>&1 || true)
	seconds=$(field "$out" 's/^time: \([0-9.]*\) s.*/\1/p')
	states=$(field "$out" 's/^statistics: .*[(,)] \([0-9]*\) states, .*/\1/p')
	if [[ $states == - ]]; then
		states=$(field "$out" 's/^statistics: \([0-9]*\) states.*/\1/p')
	fi
	steps=$(field "$out" 's/^[a-z].*(shortest[a-z ]*: \([0-9]*\) steps.*/\1/p')
	if ! grep -q '^[a-z]*: .*\(asleep\|leak\|panic\)' <<<"$out"; then
		echo "| $label | $method | none found in $seconds s | $states states | - |"
		return
	fi
	echo "| $label | $method | $seconds s | $states states | $steps steps |"
}

# shuttle LABEL SCHEDULER ARGS...: one row for shuttle with SCHEDULER.
shuttle() {
	local label=$1 scheduler=$2 out first=- seconds steps budget=10
	shift 2
	while [[ $first == - && $budget -le $iterations ]]; do
		out=$("$gomc" check "$@" --engine shuttle --scheduler "$scheduler" \
			--iterations "$budget" 2>&1 || true)
		first=$(field "$out" 's/.*(first in execution \([0-9]*\) of.*/\1/p')
		budget=$((budget * 10))
	done
	if [[ $first == - ]]; then
		seconds=$(field "$out" 's/^time: \([0-9.]*\) s.*/\1/p')
		echo "| $label | shuttle $scheduler | none found in $seconds s | $iterations executions | - |"
		return
	fi
	out=$("$gomc" check "$@" --engine shuttle --scheduler "$scheduler" \
		--iterations "$first" 2>&1 || true)
	seconds=$(field "$out" 's/^time: \([0-9.]*\) s.*/\1/p')
	steps=$(field "$out" 's/^[a-z].*(shortest found: \([0-9]*\) steps.*/\1/p')
	echo "| $label | shuttle $scheduler | $seconds s | $first executions | $steps steps |"
}

# workload LABEL ARGS...: the four methods on one model.
workload() {
	local label=$1
	shift
	native "$label" "bfs --stop-at-first" "$@" --stop-at-first
	native "$label" "--swarm $jobs --stop-at-first" "$@" --swarm "$jobs" --stop-at-first
	shuttle "$label" pct "$@"
	shuttle "$label" random "$@"
}

workload "resync loop, no end (3 handlers)" bench/resync_hang.go --set workers=3
workload "resync loop, no end (4 handlers)" bench/resync_hang.go --set workers=4
workload "CL 506755 TestConcurrentRun" scenarios/testing/cl506755_concurrent_run.go
workload "CL 506755 TestHang" scenarios/testing/cl506755_hang.go
workload "cmd/dist before, 8 helpers" scenarios/cmd-dist/before.go --set maxbg=8
workload "cmd/dist before, 12 helpers" scenarios/cmd-dist/before.go --set maxbg=12
