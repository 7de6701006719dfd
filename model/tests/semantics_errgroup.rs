//! golang.org/x/sync/errgroup (`model/src/stdlib/errgroup.go`, Go source compiled with any
//! model that imports it). Expected outputs and verdicts are what `go run` printed with Go 1.19
//! and Debian's golang-golang-x-sync-dev (errgroup v0.1.0, whose behaviour here is the same).

mod common;

use common::{check, dumped_functions, printed};
use gomc::explore::OutcomeKind;

#[test]
fn the_first_error_cancels_the_group_context_and_wait_returns_it() {
    let report = check(include_str!("models/errgroup/first_error.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["fetch 1 failed context canceled"]
    );
}

#[test]
fn a_worker_that_ignores_the_context_keeps_wait_from_returning() {
    let report = check(include_str!("models/errgroup/stuck_worker.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Deadlock]);
    let frames = dumped_functions(&report, OutcomeKind::Deadlock);
    // The group's goroutine shows as Go's dump would show it.
    assert!(
        frames
            .iter()
            .any(|f| f == "golang.org/x/sync/errgroup.(*Group).Go.func1"),
        "{frames:?}"
    );
}

#[test]
fn set_limit_bounds_the_running_tasks_and_try_go_refuses_when_full() {
    let report = check(include_str!("models/errgroup/limit.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["false", "true"]);
}
