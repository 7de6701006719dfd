//! The context package (`model/src/stdlib/context.go`, Go source mirroring Go 1.23's
//! context.go, compiled with any model that imports "context"). Expected outputs are what
//! `go run` (Go 1.19) printed, except `cause.go`, which uses Go 1.20/1.21 API and whose expected
//! lines follow from context.go at Go 1.23 (see the comment in that file).

mod common;

use common::{check, dumped_functions, printed, wait_reasons};
use gomc::explore::OutcomeKind;

#[test]
fn cancelling_a_parent_cancels_the_whole_tree() {
    // Three goroutines wait on a child, a value context over it and a child of a user-defined
    // Context (which embeds the value context); cancelling the root reaches all three.
    let report = check(include_str!("models/context/tree.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "context canceled",
            "context canceled",
            "context canceled",
            "7 <nil> from myCtx",
            "true true",
            "<nil> true",
        ]
    );
}

#[test]
fn causes_and_contexts_without_cancel() {
    let report = check(include_str!("models/context/cause.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "context canceled shutting down shutting down",
            "<nil> v true",
            "context canceled",
        ]
    );
}

#[test]
fn a_context_nobody_cancels_leaves_its_watcher_blocked() {
    let report = check(include_str!("models/context/forgotten_cancel.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Leak]);
    assert_eq!(wait_reasons(&report, OutcomeKind::Leak), ["select"]);
    assert_eq!(dumped_functions(&report, OutcomeKind::Leak), ["main.watch"]);
}

#[test]
fn a_timeout_may_win_or_lose_and_nothing_is_left_blocked() {
    let report = check(include_str!("models/context/timeout_race.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    // The library's frames are Go's: the deadline goroutine is
    // context.WithDeadlineCause.func2 and the trace names context.go's functions.
    let trace = &report.outcome(OutcomeKind::Ok).expect("ok").witness.trace;
    assert!(
        trace
            .iter()
            .any(|step| step.function == "context.(*cancelCtx).Done"),
        "{trace:?}"
    );
}

#[test]
fn after_func_runs_once_the_context_is_canceled_unless_stopped() {
    let report = check(include_str!("models/context/after_func.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["stopped: true", "cleanup false"]
    );
}
