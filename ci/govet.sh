#!/usr/bin/env bash
# Runs `go vet` over every bundled model and example, each as the Go package gomc checks: a
# model file with the files its `gomc:include` lines name (a variant with the model it
# varies), a folder of _test.go files as one package (README, "Models as Go programs").
# Nothing is downloaded: the import "gomc" is go/gomc, golang.org/x/sync is Debian's
# golang-golang-x-sync-dev (or $GOMC_XSYNC).
set -euo pipefail
cd "$(dirname "$0")/.."
export GOPROXY=off GOFLAGS=-mod=mod GOTOOLCHAIN=local

# Not vetted, on purpose: files that are invalid Go or whose vet finding is their subject.
excluded=(
  # Programs `go build` rejects: each tests one of gomc's type errors
  # (model/tests/semantics_types.rs).
  model/tests/models/type_errors/
  # Programs `go build` rejects with an initialization cycle (model/tests/init_cycles.rs).
  model/tests/models/init_cycles/
  # The bug the model is about is the one vet reports: copylocks (Unlock on a copy of the
  # mutex), lostcancel (a cancel function dropped); gomc finds them as a leak or deadlock.
  corpus/23_value_receiver_unlock.go
  corpus/31_ctx_worker_never_canceled.go
  corpus/49_registry_copied_with_lock.go
  corpus/91_stats_value_receiver_copies_locked.go
  corpus/92_waitgroup_passed_by_value.go
  # Go 1.21's one variable per loop (gomc:go 1.21): the capture vet's loopclosure reports is
  # the bug the model is about (the index past the end).
  corpus/50_loopvar_goroutines_go121.go
  # Go 1.21's one variable per loop (gomc:go 1.21): the capture vet's loopclosure reports is
  # what the model checks.
  model/tests/models/types/loopvar_go121.go
  # errors.As with an *error target, which vet's errorsas reports: the model pins gomc's
  # answer for it (model/tests/semantics_errors.rs).
  model/tests/models/errors/user_as.go
  # Verbs that do not fit their operands, which vet's printf check reports: the model pins
  # fmt's %!d(string=str) forms against Go's output (model/tests/semantics_fmt.rs).
  model/tests/models/stdlib/fmt_verbs.go
  # %#v of a nil func value, which vet's printf check reports as a func not called: the model
  # pins fmt's (func())(nil) against Go's output (model/tests/semantics_stdlib.rs).
  model/tests/models/types/format_sharp_v.go
  # synctest.Run exists only under GOEXPERIMENT=synctest in Go 1.24 and 1.25 (removed in
  # 1.26); synctest.Sleep comes after 1.26 (api/next/77169.txt): no release builds 37.
  corpus/37_ttl_cache_synctest.go
  corpus/38_heartbeat_not_stopped_synctest.go
  model/tests/models/time/synctest_clock.go
  model/tests/models/time/synctest_leak.go
)

# Vetted only when the toolchain is at least the release named: they use what older ones lack.
needs_go=(
  "1.21 model/tests/models/context/after_func.go"      # context.AfterFunc
  "1.21 model/tests/models/context/cause.go"           # context.WithoutCancel
  "1.20 model/tests/models/errors/join.go"             # errors.Join
  "1.20 model/tests/models/errors/unwrap_signatures.go" # Unwrap() []error (vet's stdmethods)
  "1.21 model/tests/models/stdlib/sync_once_pool.go"   # sync.OnceValue, OnceValues, OnceFunc
  "1.23 model/tests/models/stdlib/slices_maps.go"      # slices, maps (maps.Keys is an iter.Seq)
  # range over functions (Go 1.23), iter.Seq, slices.All/Values/Backward, maps.All
  "1.23 model/tests/models/rangefunc/loops.go"
  "1.23 model/tests/models/rangefunc/registry_iterator.go"
  "1.23 model/tests/models/rangefunc/returns_and_goroutines.go"
  "1.23 model/tests/models/rangefunc/defers.go"
  "1.23 model/tests/models/rangefunc/pull.go"
  "1.21 model/tests/models/types/copy_clear.go"        # clear
  # Checked as Go 1.23 (one variable per iteration); before 1.22, vet's loopclosure reports
  # the capture of i in the goroutine of L64-L74.
  "1.22 scenarios/cmd-go/after.go"
  # gomc:go 1.22, one i per iteration; before 1.22 vet's loopclosure reports the capture.
  "1.22 corpus/51_loopvar_goroutines_go122.go"
  "1.23 corpus/62_iterator_callback_under_lock.go"   # range over a function, iter.Seq
  "1.21 corpus/102_generic_merge_and_safe_map.go"    # cmp.Compare, slices.SortFunc
  "1.21 corpus/63_afterfunc_stop_then_wait.go"       # context.AfterFunc
  "1.21 corpus/67_oncevalue_reentrant_init.go"       # sync.OnceValue
  "1.20 corpus/70_cancel_cause_collector.go"         # context.WithCancelCause, errors.Join
  # One loop variable per iteration (Go 1.22) captured by goroutines.
  "1.22 corpus/80_metrics_flusher_value_receiver.go"
  "1.22 corpus/82_errgroup_fetch_results_unread.go"
  "1.22 corpus/83_conn_pool_cond_close.go"           # range over an int
  "1.20 corpus/86_retry_backoff_deadline.go"         # errors.Join
  "1.22 corpus/87_singleflight_panic_waiters.go"
  "1.20 corpus/88_shutdown_signal_drain.go"          # context.Cause
  "1.22 corpus/93_handler_map_recover_errch.go"
  "1.23 corpus/95_semaphore_pool_sorted_report.go"   # slices.Collect(maps.Keys(...))
  "1.22 corpus/99_striped_counters_source_close.go"
  # cmp.Compare, slices.SortFunc, errors.ErrUnsupported
  "1.21 corpus/114_breaker_probe_method_expr.go"
  "1.24 model/tests/models/gotest/hangs/"              # testing.T.Context
  "1.25 model/tests/models/gotest/synctest/"           # synctest.Test
  # One loop variable per iteration (Go 1.22) captured by goroutines and parallel subtests;
  # errors.Join (1.20).
  "1.22 model/tests/models/gotest/table/"
  "1.22 model/tests/models/gotest/wgerr/"
  "1.20 model/tests/models/gotest/ctxwork/"
  "1.20 model/tests/models/gotest/ctxwork/work.go"
)

toolchain=$(go env GOVERSION)
minor_of() { echo "$1" | sed -n 's/.*go1\.\([0-9][0-9]*\).*/\1/p'; }
local_minor=$(minor_of "$toolchain")
# A second, newer toolchain for the models the default one is too old for: Debian bookworm's
# golang-go is Go 1.19, bookworm-backports has golang-1.23-go (`.ci/run` installs both).
newer_bin=${GOMC_GO_NEWER:-/usr/lib/go-1.23/bin}
newer_toolchain= newer_minor=
if [ -x "$newer_bin/go" ]; then
  newer_toolchain=$("$newer_bin/go" env GOVERSION)
  newer_minor=$(minor_of "$newer_toolchain")
fi
xsync=${GOMC_XSYNC:-/usr/share/gocode/src/golang.org/x/sync}
for entry in "${excluded[@]}" "${needs_go[@]#* }"; do
  [ -e "$entry" ] || { echo "ci/govet.sh: listed but missing: $entry" >&2; exit 1; }
done

# Models: every .go file outside gomc:library files (vetted with the models that include them);
# a folder of _test.go files counts once, as one package.
targets=()
while IFS= read -r file; do
  case $file in
    *_test.go) targets+=("$(dirname "$file")/") ;;
    *) awk '/^[ \t]*\/\/[ \t]*gomc:library[ \t]*$/ { found = 1; exit } /^[ \t]*package[ \t]/ { exit }
            END { exit !found }' "$file" || targets+=("$file") ;;
  esac
done < <(find scenarios examples corpus model/tests/models bench -name '*.go' | sort)
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | sort -u)

passed=() failed=() excluded_here=() newer=()
for target in "${targets[@]}"; do
  reason=
  for entry in "${excluded[@]}"; do
    case $target in "$entry"*) reason=excluded ;; esac
  done
  if [ -n "$reason" ]; then
    excluded_here+=("$target")
    continue
  fi
  path=$PATH used=$toolchain
  for entry in "${needs_go[@]}"; do
    minor=${entry%% *}
    minor=${minor#1.}
    if [ "${entry#* }" = "$target" ] && [ -n "$local_minor" ] && [ "$local_minor" -lt "$minor" ]; then
      if [ -n "$newer_minor" ] && [ "$newer_minor" -ge "$minor" ]; then
        path=$newer_bin:$PATH used=$newer_toolchain
      else
        reason="needs Go 1.$minor ($toolchain${newer_toolchain:+ and $newer_toolchain} here)"
      fi
    fi
  done
  if [ -z "$reason" ] && [ ! -f "$xsync/go.mod" ]; then
    mapfile -t files < <(go/model.sh files "$target")
    if grep -q '"golang.org/x/sync' "${files[@]}"; then
      reason="golang.org/x/sync not found (apt-get install golang-golang-x-sync-dev, or GOMC_XSYNC)"
    fi
  fi
  if [ -n "$reason" ]; then
    newer+=("$target: $reason")
  elif PATH=$path go/model.sh vet "$target"; then
    passed+=("$target")
    echo "ok    $target ($used)"
  else
    failed+=("$target")
    echo "FAIL  $target ($used)"
  fi
done
for line in "${newer[@]}"; do
  echo "skip  $line"
done
for target in "${excluded_here[@]}"; do
  echo "excl  $target"
done
echo "go vet ($toolchain${newer_toolchain:+, $newer_toolchain where needed}): ${#passed[@]} passed, ${#failed[@]} failed, ${#newer[@]} skipped" \
  "(not buildable here), ${#excluded_here[@]} excluded (invalid Go or a vet finding on purpose)"
[ ${#failed[@]} -eq 0 ]
