#!/usr/bin/env bash
# The cost of a state on one thread (README, Performance, Throughput): wall and user time of
# the full runs, and user-space instructions per state under valgrind's cachegrind, which does
# not vary with what else the machine runs (the shared development machine has no hardware
# counters for `perf stat`). Usage: bash bench/cost_per_state.sh [BINARY]
# (default: target/release/gomc; build it with `cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
gomc=${1:-target/release/gomc}
out=$(mktemp)
trap 'rm -f "$out" "$out.time" "$out.vg"' EXIT
states() { grep -oE 'statistics: [0-9]+ states' "$out" | grep -oE '[0-9]+'; }
wall() {
  local name=$1
  shift
  /usr/bin/time -f "%e s (%U s)" -o "$out.time" "$gomc" check "$@" --threads 1 >"$out"
  echo "wall  $name: $(states) states, $(cat "$out.time"), $(grep -oE 'peak memory [^,]*' "$out")"
}
instructions() {
  local name=$1
  shift
  # A run stopped by --max-states exits with status 3 (not exhaustive): not a failure here.
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$gomc" check "$@" --threads 1 >"$out" 2>"$out.vg" || [ $? -eq 3 ]
  local count
  count=$(grep -oE 'I *refs: *[0-9,]+' "$out.vg" | grep -oE '[0-9,]+$' | tr -d ,)
  echo "instr $name: $(states) states, $((count / $(states))) instructions/state"
}
wall "mutex W=8" bench/mutex_counter.go --set W=8
wall "mutex W=6 --reduction none" bench/mutex_counter.go --set W=6 --reduction none
wall "cmd/dist 4x6" scenarios/cmd-dist/after.go --set maxbg=4 --set njobs=6
instructions "mutex W=7" bench/mutex_counter.go --set W=7
instructions "mutex W=6 --reduction none, first 200k" bench/mutex_counter.go --set W=6 \
  --reduction none --max-states 200000
instructions "cmd/dist 4x6, first 100k" scenarios/cmd-dist/after.go --set maxbg=4 --set njobs=6 \
  --max-states 100000
