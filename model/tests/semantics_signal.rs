//! Package os/signal (`model/src/stdlib/signal.go`, after Go 1.23's os/signal/signal.go), with
//! `os.Signal`, `os.Interrupt` and `syscall`'s signals (`stdlib/os.go`, `stdlib/syscall.go`).
//! The environment sends one signal, at any point after the first `Notify`. Printed lines are
//! what `go run` (Go 1.23.5) printed for the same file after `kill -INT` or `kill -TERM`.

mod common;

use common::{assert_kinds, check, printed};
use gomc::explore::OutcomeKind;
use gomc::{check_source, Config};

#[test]
fn notify_context_is_done_when_the_signal_arrives() {
    let report = check(include_str!("models/signal/shutdown_notify_context.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["shut down: context canceled terminated interrupt"]
    );
}

/// Delivery never blocks: a signal sent to an unbuffered channel nobody is receiving from is
/// dropped, and main waits for good; a buffer of one keeps it.
#[test]
fn a_signal_sent_to_an_unbuffered_channel_can_be_missed() {
    let source = include_str!("models/signal/unbuffered_notify.go");
    let report = check(source);
    assert_kinds(&report, &[OutcomeKind::Ok, OutcomeKind::Deadlock]);
    let fixed = check_source("notify.go", source, &Config::new().set("buffered", "true"))
        .expect("compiles");
    assert_kinds(&fixed, &[OutcomeKind::Ok]);
    assert_eq!(printed(&fixed, OutcomeKind::Ok), ["got interrupt"]);
}

/// After `signal.Stop` no channel listens, so no signal is sent (gomc does not model a signal
/// that would end the process); `Notify` with no signals listens for every one, and the one
/// sent is then `os.Interrupt`.
#[test]
fn stop_ends_delivery_and_notify_without_signals_hears_interrupt() {
    let report = check(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n\
         \tall := make(chan os.Signal, 1)\n\tsignal.Notify(all)\n\tfmt.Println(<-all)\n\
         \tstopped := make(chan os.Signal, 1)\n\tsignal.Notify(stopped, os.Interrupt)\n\
         \tsignal.Stop(stopped)\n\tselect {\n\tcase s := <-stopped:\n\t\tfmt.Println(\"late\", s)\n\
         \tdefault:\n\t\tfmt.Println(\"none\")\n\t}\n}\n",
    );
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["interrupt", "none"]);
}
