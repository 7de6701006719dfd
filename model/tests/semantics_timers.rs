//! Timers and tickers (`model/src/stdlib/time.go` over `semantics/timer.rs`), with Go 1.23's
//! semantics: Stop and Reset report whether the timer was pending and leave no stale value in
//! the channel; a ticker fires until stopped; an unreachable ticker is collected. Expected
//! outputs of `stop_reset_tick.go` are what `go run` (Go 1.19) printed; the no-stale-value rule
//! is Go 1.23's (time/sleep.go), which Go 1.19 does not follow.

mod common;

use common::{check, panic_message, printed};
use gomc::explore::OutcomeKind;

#[test]
fn stop_reset_and_tickers_report_what_go_reports() {
    let report = check(include_str!("models/time/stop_reset_tick.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["stopped true", "fired false", "ticks 3"]
    );
}

#[test]
fn no_stale_value_is_received_after_stop() {
    // The timer may fire before Stop; as of Go 1.23 the value it sent is discarded by Stop,
    // so the select always takes default.
    let report = check(
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := time.NewTimer(time.Millisecond)\n\
         \ttime.Sleep(time.Second)\n\tt.Stop()\n\tselect {\n\tcase <-t.C:\n\t\tpanic(\"stale value \
         after Stop\")\n\tdefault:\n\t}\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
}

#[test]
fn a_ticker_loop_nobody_stops_never_finishes() {
    let report = check(
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tticker := time.NewTicker(time.Second)\n\
         \tgo func() {\n\t\tfor range ticker.C {\n\t\t}\n\t}()\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Hang]);
}

#[test]
fn a_stopped_ticker_lets_the_program_finish() {
    let report = check(
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tticker := time.NewTicker(time.Second)\n\
         \tdone := make(chan bool)\n\tgo func() {\n\t\tfor {\n\t\t\tselect {\n\t\t\tcase <-done:\n\
         \t\t\t\treturn\n\t\t\tcase <-ticker.C:\n\t\t\t}\n\t\t}\n\t}()\n\tticker.Stop()\n\
         \tdone <- true\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
}

#[test]
fn a_non_positive_ticker_interval_panics_as_go_does() {
    let report =
        check("package main\n\nimport \"time\"\n\nfunc main() {\n\t_ = time.NewTicker(0)\n}\n");
    assert_eq!(
        panic_message(&report),
        "panic: non-positive interval for NewTicker"
    );
}

#[test]
fn after_func_runs_in_its_own_goroutine_unless_stopped() {
    // Expected lines from `go run`; the stopped AfterFunc never runs (no "never" anywhere).
    let report = check(include_str!("models/time/after_func.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["stopped: true", "first 0"]
    );
}

#[test]
fn an_after_func_callback_can_deadlock_with_its_waiter() {
    // The callback needs the lock main holds while it waits for the callback.
    let report = check(
        "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\
         \tdone := make(chan bool)\n\tmu.Lock()\n\ttime.AfterFunc(time.Second, func() {\n\t\tmu.Lock()\n\
         \t\tdone <- true\n\t})\n\t<-done\n\tmu.Unlock()\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Deadlock]);
}

/// The drain idiom `if !t.Stop() { <-t.C }` before a Reset: as of Go 1.23, Stop drains a value
/// the timer sent but nobody received and then reports the timer as stopped (runtime/time.go:
/// `stop` sets `pending` when `timerchandrain` removed a value), so the receive never runs on
/// an empty channel. gomc reported a deadlock when the hour-long timer fired first (the
/// untimed clock lets it). Before 1.23 the value stays and Stop says false: the receive takes
/// it. Either way the program ends, as `go run` does.
#[test]
fn stop_reports_a_drained_value_as_a_stopped_timer() {
    let idiom = "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := \
                 time.NewTimer(time.Hour)\n\tif !t.Stop() {\n\t\t<-t.C\n\t}\n\t\
                 t.Reset(time.Millisecond)\n\t<-t.C\n\tif t.Reset(time.Second) {\n\t\t\
                 println(\"pending\")\n\t}\n}\n";
    for source in [idiom.to_string(), format!("// gomc:go 1.22\n{idiom}")] {
        let report = check(&source);
        assert_eq!(report.kinds(), [OutcomeKind::Ok], "{source}");
    }
}

/// Before Go 1.23 (`gomc:go 1.22`), a value the timer sent before Stop stays in the channel.
#[test]
fn before_go_1_23_a_stale_value_survives_stop() {
    let report = check(
        "// gomc:go 1.22\npackage main\n\nimport \"time\"\n\nfunc main() {\n\tt := \
         time.NewTimer(time.Millisecond)\n\ttime.Sleep(time.Second)\n\tt.Stop()\n\tselect {\n\
         \tcase <-t.C:\n\t\tpanic(\"stale value after Stop\")\n\tdefault:\n\t}\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok, OutcomeKind::Panic]);
}

#[test]
fn durations_print_and_convert_as_go_does() {
    // Expected: `go run` (Go 1.19) of the same file.
    let report = check(include_str!("models/time/durations.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "0s",
            "1ns",
            "1.5µs",
            "2ms",
            "1.5s",
            "1m30s",
            "3h25m0.1s",
            "-1s",
            "999µs",
            "3s 3000 0s 3s",
            "3s 3s\n",
        ]
    );
}

#[test]
fn an_int_times_a_duration_is_a_type_error_as_in_go() {
    let error = common::compile_error(
        "package main\n\nimport \"time\"\n\nfunc main() {\n\tn := 2\n\ttime.Sleep(n * time.Second)\n}\n",
    );
    assert!(error.message.contains("time.Duration"), "{error}");
}

/// A deadlock while a ticker nobody waits on is still running: Go 1.23 keeps a channel timer
/// in the runtime's heap only while a goroutine is blocked on its channel, so `checkdead`
/// reports the deadlock; Go 1.22 keeps every pending timer and the program hangs. Both were
/// seen under Go 1.23.5 (`go run` of the model: "all goroutines are asleep - deadlock!" when
/// the tick wins; with GODEBUG=asynctimerchan=1 it never ends).
#[test]
fn a_ticker_nobody_waits_on_does_not_hide_a_deadlock_from_go_1_23() {
    let model = include_str!("models/time/ticker_nobody_waits.go");
    let report = check(model);
    assert_eq!(report.kinds(), [OutcomeKind::Ok, OutcomeKind::Deadlock]);
    let report = check(&format!("// gomc:go 1.22\n{model}"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok, OutcomeKind::Hang]);
}
