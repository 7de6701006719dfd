#!/usr/bin/env bash
# The differential check of the bundled programs against the real Go runtime (README,
# "Differential check against Go"): every corpus program, example and test model that is a
# `package main` is built with Go 1.23 (the release whose semantics gomc follows by default)
# and run RUNS times under varied GOMAXPROCS; every way a run ends must be an outcome gomc
# reaches for the same file. Go is the ground truth: a run that ends in a way gomc says is
# unreachable is a bug in gomc (or a model whose header lies).
#
# How a run's ending maps to gomc's outcomes:
#   exit 0                     ok, or leak / hang: gomc treats the entry function as a test
#                              function, so goroutines still blocked (leak) or spinning (hang)
#                              after main returns are its findings where Go just exits
#   "all goroutines are asleep" deadlock
#   "panic:" / "fatal error:"  panic
#   exit n (os.Exit)           exit(n)
#   killed after 3 s           hang
#
# Usage: ci/gorun.sh [FILE.go...]   (default: all of them); RUNS (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local
runs=${RUNS:-10}
newer_bin=${GOMC_GO_NEWER:-/usr/lib/go-1.23/bin}
if [ ! -x "$newer_bin/go" ]; then
  echo "ci/gorun.sh: no Go 1.23 at $newer_bin (.ci/run installs golang-1.23-go)" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 0
fi
export PATH=$newer_bin:$PATH
echo "ci/gorun.sh: $(go version), $runs runs a program"

# Not compared, each with its reason.
excluded=(
  # Invalid Go on purpose (go build's errors are what they test).
  model/tests/models/type_errors/
  model/tests/models/init_cycles/
  # Packages of _test.go files (gomc test), and models of Go 1.24/1.25's testing/synctest.
  model/tests/models/gotest/
  corpus/37_ttl_cache_synctest.go
  corpus/38_heartbeat_not_stopped_synctest.go
  model/tests/models/time/synctest_clock.go
  model/tests/models/time/synctest_leak.go
  # Models that wait for a signal: under go run nobody sends one, where gomc's environment
  # sends one (model/tests/semantics_signal.rs has Go's output after kill -INT or -TERM).
  model/tests/models/signal/
  # Data races under Go 1.21's loop variables: outside race mode gomc runs a goroutine's local
  # code with the operation before it, so it reaches only some of what a racy program can do
  # (README, Race mode); the races themselves are what these models are about.
  corpus/50_loopvar_goroutines_go121.go
  model/tests/models/types/loopvar_go121.go
)

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(find corpus examples model/tests/models -name '*.go' ! -name '*_test.go' | sort)
fi
cargo build --release --locked -q
gomc=$PWD/target/release/gomc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

compared=0 mismatched=0 skipped=0
for target in "${targets[@]}"; do
  skip=
  for entry in "${excluded[@]}"; do
    case $target in "$entry"*) skip=1 ;; esac
  done
  # Files of a model, not models themselves.
  grep -qE '^[[:space:]]*//[[:space:]]*gomc:library[[:space:]]*$' "$target" && skip=1
  # Models of the synctest clock: their timers run for minutes or hours of fake time, which
  # the real runtime would wait out.
  grep -qE '^[[:space:]]*//[[:space:]]*gomc:clock[[:space:]]+synctest' "$target" && skip=1
  if [ -n "$skip" ]; then
    skipped=$((skipped + 1))
    continue
  fi
  name=$(basename "$target" .go)
  dir=$work/$compared
  mkdir -p "$dir"
  source=$(realpath "$target")
  if ! (cd "$dir" && "$OLDPWD/go/model.sh" build "$source" > build.log 2>&1); then
    echo "FAIL  $target: go build failed"
    sed 's/^/      /' "$dir/build.log" | head -5
    mismatched=$((mismatched + 1))
    compared=$((compared + 1))
    continue
  fi
  binary=$(find "$dir" -maxdepth 1 -type f -perm -u+x | head -1)
  endings=()
  for run in $(seq "$runs"); do
    set +e
    stderr=$(cd "$dir" && GOMAXPROCS=$((run % 4 + 1)) timeout 3 "$binary" 2>&1 > /dev/null)
    status=$?
    set -e
    if [ $status -eq 124 ]; then ending=hang
    elif grep -q 'all goroutines are asleep' <<< "$stderr"; then ending=deadlock
    elif grep -qE '^(panic|fatal error):' <<< "$stderr"; then ending=panic
    elif [ $status -eq 0 ]; then ending=ok
    else ending="exit($status)"; fi
    endings+=("$ending")
  done
  mapfile -t endings < <(printf '%s\n' "${endings[@]}" | sort -u)
  # gomc's exit status says whether the header's expectation held; only the outcomes count.
  outcomes=$({ "$gomc" check --json --no-timings --time-limit 60 "$target" 2> /dev/null || true; } |
    python3 -c 'import json, sys
report = json.load(sys.stdin)
print(" ".join(o["kind"] if isinstance(o["kind"], str) else "exit(%d)" % o["kind"]["exit"]
               for o in report["outcomes"]))' || echo "(gomc failed)")
  missing=()
  for ending in "${endings[@]}"; do
    case $ending in
      ok) accepted="ok leak hang" ;;
      *) accepted=$ending ;;
    esac
    found=
    for kind in $accepted; do
      [[ " $outcomes " == *" $kind "* ]] && found=1
    done
    [ -n "$found" ] || missing+=("$ending")
  done
  compared=$((compared + 1))
  if [ ${#missing[@]} -eq 0 ]; then
    echo "ok    $target: go ${endings[*]}; gomc $outcomes"
  else
    mismatched=$((mismatched + 1))
    echo "FAIL  $target: go ${endings[*]}; gomc $outcomes (gomc never reaches: ${missing[*]})"
  fi
done
echo "ci/gorun.sh: $compared programs compared with $(go version | cut -d' ' -f3), $mismatched" \
  "with an ending gomc does not reach, $skipped not compared (libraries, invalid Go, tests," \
  "fake time, races)"
[ "$mismatched" -eq 0 ]
