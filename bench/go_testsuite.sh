#!/usr/bin/env bash
# Go's own run tests as a probe of gomc's front end and semantics (README, "Go's test suite as
# a probe"). Every file of $GOROOT/test (and its chan/, ken/ and fixedbugs/ folders) marked
# `// run` is a valid program that the Go toolchain runs to a clean exit. gomc checks each
# (a bounded search: --max-states 3000, 10 s) and the script counts how each ends:
#   agrees     no violation (exit 0);
#   violation  gomc reports a violation where `go run` exits cleanly (exit 1): a misjudgement,
#              unless the test leans on timing or leaves goroutines blocked when main returns
#              (gomc's leak), which the list printed at the end lets one check by hand;
#   rejected   gomc refuses the program (exit 2): an unsupported construct, or a Go error it
#              should not report (the reasons are tallied);
#   bounded    the search stopped at a bound (exit 3): no verdict.
# Not run by CI (it takes minutes); a measurement, as bench/ holds.
# Usage: bash bench/go_testsuite.sh [GOMC] [GOROOT]   (defaults: target/release/gomc and the
# root of the Go 1.23 that .ci/run installs).
set -euo pipefail
cd "$(dirname "$0")/.."
gomc=$(realpath "${1:-target/release/gomc}")
goroot=${2:-/usr/lib/go-1.23}
cd "$goroot/test"
agrees=0 violation=0 rejected=0 bounded=0
violations=() reasons=()
for file in $(grep -l '^// run$' ./*.go chan/*.go ken/*.go fixedbugs/*.go | sort); do
  file=${file#./}
  set +e
  out=$(timeout 10 "$gomc" check --max-states 3000 --threads 1 "$file" 2>&1)
  status=$?
  set -e
  case $status in
    0) agrees=$((agrees + 1)) ;;
    1) violation=$((violation + 1)); violations+=("$file: $(head -1 <<<"$out")") ;;
    2) rejected=$((rejected + 1))
       reasons+=("$(grep -m1 '^error' <<<"$out" | sed -E 's/"[^"]*"/"…"/g; s/[0-9]+/N/g' | cut -c1-100)") ;;
    *) bounded=$((bounded + 1)) ;;
  esac
done
total=$((agrees + violation + rejected + bounded))
echo "Go's run tests in $goroot/test: $total"
echo "  agrees (no violation):          $agrees"
echo "  violation where Go exits 0:     $violation"
echo "  rejected:                       $rejected"
echo "  stopped by a bound:             $bounded"
echo
echo "Violations (check each: a timing assumption, a leak at exit, or a gomc bug):"
printf '  %s\n' "${violations[@]}"
echo
echo "Most frequent reasons for rejecting:"
printf '%s\n' "${reasons[@]}" | sort | uniq -c | sort -rn | head -25
