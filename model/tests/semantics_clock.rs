//! The two clocks (`program::Clock`, the README's "Time"): untimed, any pending timer may fire
//! at any point; synctest, Go 1.25's `testing/synctest` fake clock over the whole program
//! (`semantics/timer.rs`, `stdlib/synctest.go`). Expected values follow synctest's documented
//! behaviour (testing/synctest/synctest.go, runtime/synctest.go); Debian's Go 1.19 has no
//! synctest to run them against.

mod common;

use common::{assert_kinds, check, compile_error, panic_message, printed};
use gomc::explore::OutcomeKind;
use gomc::program::Clock;
use gomc::{check_source, Config, Report};

fn check_with_clock(source: &str, clock: Clock) -> Report {
    let report = check_source("clock.go", source, &Config::new().clock(clock))
        .unwrap_or_else(|error| panic!("model does not compile:\n{error}"));
    assert!(report.step_error.is_none(), "{:?}", report.step_error);
    report
}

const TIMEOUT_SELECT: &str = include_str!("models/time/timeout_select.go");

#[test]
fn a_duration_dependent_select_times_out_only_without_a_clock() {
    // Untimed: the 10 s timeout may fire before the 10 ms sleep ends.
    let untimed = check(TIMEOUT_SELECT);
    assert_kinds(&untimed, &[OutcomeKind::Ok, OutcomeKind::Panic]);
    assert_eq!(panic_message(&untimed), "panic: timed out");
    // Synctest time: the sleep ends at 10 ms, long before the timeout.
    let timed = check_with_clock(TIMEOUT_SELECT, Clock::Synctest);
    assert_kinds(&timed, &[OutcomeKind::Ok]);
    assert_eq!(printed(&timed, OutcomeKind::Ok), ["got 42"]);
}

#[test]
fn the_header_chooses_the_clock_and_the_flag_wins() {
    let with_header = format!("// gomc:clock synctest\n{TIMEOUT_SELECT}");
    assert_kinds(&check(&with_header), &[OutcomeKind::Ok]);
    let overridden = check_with_clock(&with_header, Clock::Untimed);
    assert_kinds(&overridden, &[OutcomeKind::Ok, OutcomeKind::Panic]);
    let error = compile_error(&format!("// gomc:clock fast\n{TIMEOUT_SELECT}"));
    assert_eq!(
        error.message,
        "`gomc:clock` is `untimed` or `synctest`, not `fast`"
    );
}

#[test]
fn synctest_wait_sleep_now_and_context_deadlines() {
    let report = check(include_str!("models/time/synctest_clock.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "before deadline: <nil>",
            "at deadline: context deadline exceeded",
            "elapsed: 5000000000",
            "deadline: true true",
        ]
    );
}

#[test]
fn timers_fire_in_deadline_order_and_equal_deadlines_together() {
    let report = check(include_str!("models/time/synctest_order.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["one", "two", "both fired"]
    );
    // Untimed, either AfterFunc may run first and the second timer may not have fired.
    let untimed = check_with_clock(
        include_str!("models/time/synctest_order.go"),
        Clock::Untimed,
    );
    assert_kinds(&untimed, &[OutcomeKind::Ok, OutcomeKind::Panic]);
}

#[test]
fn synctest_run_panics_when_goroutines_it_started_stay_blocked() {
    let report = check(include_str!("models/time/synctest_leak.go"));
    assert_kinds(&report, &[OutcomeKind::Panic]);
    assert_eq!(
        panic_message(&report),
        "panic: deadlock: main bubble goroutine has exited but blocked goroutines remain"
    );
}

#[test]
fn a_ticker_loop_under_synctest_time_ticks_exactly_as_often_as_time_allows() {
    // 3.5 s of sleep with a 1 s ticker: exactly 3 ticks, and a finite state space although
    // the clock keeps moving (only deadlines relative to now are part of a state).
    let report = check(
        "// gomc:clock synctest\npackage main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n\
         func main() {\n\tstop := make(chan struct{})\n\tdone := make(chan int)\n\tgo func() {\n\
         \t\tt := time.NewTicker(time.Second)\n\t\tdefer t.Stop()\n\t\tn := 0\n\t\tfor {\n\
         \t\t\tselect {\n\t\t\tcase <-t.C:\n\t\t\t\tn++\n\t\t\tcase <-stop:\n\t\t\t\tdone <- n\n\
         \t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}()\n\ttime.Sleep(3500 * time.Millisecond)\n\
         \tclose(stop)\n\tfmt.Println(\"ticks\", <-done)\n}\n",
    );
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["ticks 3"]);
}

#[test]
fn a_ticker_loop_nobody_stops_is_a_hang_under_synctest_time_too() {
    let report = check(
        "// gomc:clock synctest\npackage main\n\nimport \"time\"\n\nfunc main() {\n\
         \tticker := time.NewTicker(time.Second)\n\tfor range ticker.C {\n\t}\n}\n",
    );
    assert_kinds(&report, &[OutcomeKind::Hang]);
}

#[test]
fn a_second_concurrent_wait_panics_as_go_does() {
    let report = check(
        "package main\n\nimport \"testing/synctest\"\n\nfunc main() {\n\tsynctest.Run(func() {\n\
         \t\tblock := make(chan int)\n\t\tgo func() {\n\t\t\tsynctest.Wait()\n\t\t\t<-block\n\t\t}()\n\
         \t\tgo func() {\n\t\t\tsynctest.Wait()\n\t\t\t<-block\n\t\t}()\n\t\tsynctest.Wait()\n\
         \t\tclose(block)\n\t})\n}\n",
    );
    assert!(report.kinds().contains(&OutcomeKind::Panic));
    assert_eq!(panic_message(&report), "panic: wait already in progress");
}

#[test]
fn synctest_needs_its_clock_and_test_needs_package_testing() {
    let uses_synctest = "package main\n\nimport \"testing/synctest\"\n\nfunc main() {\n\
                         \tsynctest.Run(func() {})\n}\n";
    let error = check_source(
        "clock.go",
        uses_synctest,
        &Config::new().clock(Clock::Untimed),
    )
    .expect_err("the untimed clock with synctest");
    assert!(
        error.message.contains("runs under the synctest clock"),
        "{error}"
    );
}

#[test]
fn untimed_reading_of_the_clock_is_monotonic_and_follows_fired_timers() {
    // Untimed, the clock moves to a timer's deadline when it fires: after receiving from a
    // 1 s timer, at least 1 s has passed.
    let report = check(
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tstart := time.Now()\n\
         \t<-time.After(time.Second)\n\tif time.Since(start) < time.Second {\n\
         \t\tpanic(\"the clock lags the timer\")\n\t}\n\tif time.Now().Before(start) {\n\
         \t\tpanic(\"the clock went back\")\n\t}\n}\n",
    );
    assert_kinds(&report, &[OutcomeKind::Ok]);
}
