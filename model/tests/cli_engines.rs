//! The `gomc` binary with `--engine loom|shuttle` and race mode, run on small model files
//! written to a temporary directory: the options each engine takes, and the reports they give.

mod cli_support;

use cli_support::*;

#[test]
fn engine_options_that_do_not_fit_the_engine_exit_2() {
    let directory = scratch("engine-usage");
    write(&directory, "pingpong.go", PING_PONG);
    for (args, says) in [
        (&["--engine", "bogus"][..], "bogus"),
        (
            &["--iterations", "5"][..],
            "--iterations applies to loom and shuttle",
        ),
        (
            &["--engine", "loom", "--seed", "1"][..],
            "--seed applies to shuttle",
        ),
        (
            &["--engine", "loom", "--scheduler", "pct"][..],
            "--scheduler applies to shuttle",
        ),
        (
            &["--engine", "shuttle", "--preemption-bound", "1"][..],
            "--preemption-bound applies to loom",
        ),
        (
            &["--engine", "shuttle", "--max-states", "5"][..],
            "--max-states applies to the native engine",
        ),
        (
            &["--engine", "loom", "--search", "dfs"][..],
            "--search applies to the native engine",
        ),
        (
            &["--engine", "shuttle", "--pct-depth", "2"][..],
            "--pct-depth applies to `--scheduler pct`",
        ),
    ] {
        let mut all = vec!["check", "pingpong.go"];
        all.extend_from_slice(args);
        let output = gomc(&directory, &all);
        assert_eq!(status(&output), 2, "gomc {all:?}: {}", stdout(&output));
        assert!(
            stderr(&output).contains(says),
            "gomc {all:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn check_help_lists_the_engine_options() {
    let directory = scratch("engine-help");
    let output = gomc(&directory, &["check", "--help"]);
    for flag in [
        "--engine",
        "--iterations",
        "--seed",
        "--scheduler",
        "--pct-depth",
        "--preemption-bound",
    ] {
        assert!(stdout(&output).contains(flag), "check --help lists {flag}");
    }
}

/// In a build without the backends (`cargo test -p gomc --no-default-features`), asking for
/// one is a usage error that says how to build with it.
#[cfg(not(feature = "loom"))]
#[test]
fn without_the_loom_feature_engine_loom_exits_2_saying_how_to_build_it() {
    let directory = scratch("no-loom");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(&directory, &["check", "pingpong.go", "--engine", "loom"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("needs the cargo feature `loom`")
            && stderr(&output).contains("--features loom"),
        "{}",
        stderr(&output)
    );
}

#[cfg(not(feature = "shuttle"))]
#[test]
fn without_the_shuttle_feature_engine_shuttle_exits_2_saying_how_to_build_it() {
    let directory = scratch("no-shuttle");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(&directory, &["check", "pingpong.go", "--engine", "shuttle"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("needs the cargo feature `shuttle`"),
        "{}",
        stderr(&output)
    );
}

#[cfg(feature = "shuttle")]
#[test]
fn end_to_end_shuttle_finds_a_deadlock_and_exits_1_and_is_never_a_proof() {
    let directory = scratch("shuttle");
    write(&directory, "send.go", UNBUFFERED_SEND);
    let output = gomc(
        &directory,
        &[
            "check",
            "send.go",
            "--engine",
            "shuttle",
            "--iterations",
            "20",
            "--no-timings",
        ],
    );
    let text = stdout(&output);
    assert_eq!(status(&output), 1, "{text}{}", stderr(&output));
    assert!(
        text.starts_with(
            "send.go: deadlock found by shuttle (random, seed 0) (first in execution 1 of 20)"
        ),
        "{text}"
    );
    assert!(text.contains("goroutine 1 [chan send]:"), "{text}");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(
        &directory,
        &[
            "check",
            "pingpong.go",
            "--engine",
            "shuttle",
            "--scheduler",
            "pct",
            "--seed",
            "5",
        ],
    );
    assert_eq!(
        status(&output),
        3,
        "sampling is not a proof: {}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("shuttle (pct depth 3, seed 5)"),
        "{}",
        stdout(&output)
    );
}

#[cfg(feature = "loom")]
#[test]
fn end_to_end_loom_explores_everything_of_a_small_model_and_exits_0() {
    let directory = scratch("loom");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(
        &directory,
        &["check", "pingpong.go", "--engine", "loom", "--json"],
    );
    assert_eq!(status(&output), 0, "{}{}", stdout(&output), stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["engine"], "loom");
    assert_eq!(value["exhaustive"], true);
    assert_eq!(value["verdict"], "pass");
    // Its four schedules, each once.
    assert_eq!(value["backend"]["executions"], 4);
    assert_eq!(value["outcomes"][0]["first_execution"], 1);
}

/// Two goroutines increment `n` without a lock.
#[cfg(feature = "loom")]
const RACY_COUNTER: &str = include_str!("models/racy_counter.go");

/// `--races` works with every engine: loom finishes this program and reports the race with
/// both accesses, exit 1.
#[cfg(feature = "loom")]
#[test]
fn end_to_end_loom_in_race_mode_reports_the_race_and_exits_1() {
    let directory = scratch("loom-races");
    write(&directory, "racy.go", RACY_COUNTER);
    let output = gomc(
        &directory,
        &[
            "check",
            "racy.go",
            "--engine",
            "loom",
            "--races",
            "--no-timings",
        ],
    );
    let text = stdout(&output);
    assert_eq!(status(&output), 1, "{text}{}", stderr(&output));
    assert!(
        text.contains("loom explored every interleaving and data choice"),
        "{text}"
    );
    assert!(
        text.contains("data race on n: goroutine 2 writes n at racy.go:12"),
        "{text}"
    );
}
