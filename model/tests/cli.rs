//! The `gomc` binary, run on small model files written to a temporary directory: exit
//! statuses, error rendering, and (once the front end and semantics land) the end-to-end
//! reports.

mod cli_support;

use cli_support::*;

// ---------------------------------------------------------------- usage

#[test]
fn usage_errors_exit_2() {
    let directory = scratch("usage");
    for args in [
        &[][..],
        &["check"][..],
        &["frobnicate"][..],
        &["check", "m.go", "--search", "sideways"][..],
        &["check", "m.go", "--max-states", "many"][..],
        &["check", "m.go", "--set", "maxbg"][..],
        &["replay", "m.go"][..],
    ] {
        let output = gomc(&directory, args);
        assert_eq!(status(&output), 2, "gomc {args:?}: {}", stderr(&output));
        assert!(!stderr(&output).is_empty(), "gomc {args:?} says why");
    }
}

#[test]
fn help_and_version_exit_0() {
    let directory = scratch("help");
    let output = gomc(&directory, &["--help"]);
    assert_eq!(status(&output), 0);
    assert!(stdout(&output).contains("check"));
    let output = gomc(&directory, &["check", "--help"]);
    assert_eq!(status(&output), 0);
    for flag in [
        "--entry",
        "--search",
        "--max-states",
        "--max-depth",
        "--set",
        "--json",
        "--no-timings",
    ] {
        assert!(stdout(&output).contains(flag), "check --help lists {flag}");
    }
    let output = gomc(&directory, &["--version"]);
    assert_eq!(status(&output), 0);
}

#[test]
fn a_missing_file_exits_2() {
    let directory = scratch("missing");
    let output = gomc(&directory, &["check", "nothere.go"]);
    assert_eq!(status(&output), 2);
    let errors = stderr(&output);
    assert!(
        errors.contains("error: cannot read the model: ") && errors.contains("--> nothere.go"),
        "{errors}"
    );
}

#[test]
fn a_missing_file_among_several_is_its_own_error_and_the_others_are_checked() {
    let directory = scratch("missing-among");
    write(&directory, "a.go", PING_PONG);
    let output = gomc(&directory, &["check", "a.go", "nothere.go", "--no-timings"]);
    assert_eq!(status(&output), 2);
    let text = stdout(&output);
    assert!(
        text.lines()
            .any(|row| row.starts_with("a.go") && row.ends_with("ok")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|row| row.starts_with("nothere.go") && row.ends_with("ERROR")),
        "{text}"
    );
    let output = gomc(&directory, &["check", "a.go", "nothere.go", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let missing = &value.as_array().expect("an array")[1];
    assert_eq!(missing["file"], "nothere.go");
    assert_eq!(missing["verdict"], "error");
    assert_eq!(missing["error"]["line"], serde_json::Value::Null);
}

#[test]
fn a_directory_without_models_exits_2() {
    let directory = scratch("empty");
    std::fs::create_dir_all(directory.join("models")).unwrap();
    write(&directory, "models/README", "not a model");
    let output = gomc(&directory, &["check", "models"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("no .go files under models"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_malformed_header_exits_2_naming_file_line_and_column() {
    let directory = scratch("header");
    write(
        &directory,
        "bad.go",
        "// A model.\n// gomc:expect deadlok\npackage main\n\nfunc main() {}\n",
    );
    let output = gomc(&directory, &["check", "bad.go"]);
    assert_eq!(status(&output), 2);
    let message = stderr(&output);
    assert!(
        message.contains("error: unknown outcome `deadlok` in `gomc:expect`"),
        "{message}"
    );
    assert!(message.contains("--> bad.go:2:16"), "{message}");
    assert!(message.contains("2 | // gomc:expect deadlok"), "{message}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn a_bad_schedule_exits_2() {
    let directory = scratch("schedule");
    write(&directory, "m.go", PING_PONG);
    let output = gomc(&directory, &["replay", "m.go", "--schedule", "1,x"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("bad schedule entry 2 `x`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_variant_whose_model_is_missing_exits_2_pointing_at_the_directive() {
    let directory = scratch("variant-missing");
    write(
        &directory,
        "v/small.go",
        "// gomc:model base.go\n// gomc:expect deadlock\npackage main\n",
    );
    let output = gomc(&directory, &["check", "v/small.go"]);
    assert_eq!(status(&output), 2);
    let message = stderr(&output);
    assert!(
        message.contains("cannot read the model v/base.go"),
        "{message}"
    );
    assert!(message.contains("--> v/small.go:1:15"), "{message}");
}

#[test]
fn a_variant_reports_errors_in_its_model_against_the_model() {
    let directory = scratch("variant-bad-base");
    write(
        &directory,
        "base.go",
        "// gomc:expect sometimes\npackage main\n",
    );
    write(
        &directory,
        "small.go",
        "// gomc:model base.go\npackage main\n",
    );
    let output = gomc(&directory, &["check", "small.go"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("--> base.go:1:16"),
        "{}",
        stderr(&output)
    );
}

// ---------------------------------------------------------------- end to end

#[test]
fn end_to_end_a_syntax_error_exits_2_naming_file_line_and_column() {
    let directory = scratch("syntax");
    write(
        &directory,
        "broken.go",
        "package main\n\nfunc main() {\n\tch := make(chan int\n}\n",
    );
    let output = gomc(&directory, &["check", "broken.go"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("--> broken.go:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn end_to_end_an_unsupported_construct_exits_2_naming_file_line_and_column() {
    let directory = scratch("unsupported");
    write(
        &directory,
        "complex.go",
        "package main\n\nfunc main() {\n\tz := 1 + 2i\n\t_ = z\n}\n",
    );
    let output = gomc(&directory, &["check", "complex.go"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("--> complex.go:4:11"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn end_to_end_an_unbuffered_send_without_receiver_deadlocks_and_exits_1() {
    let directory = scratch("deadlock");
    write(&directory, "send.go", UNBUFFERED_SEND);
    let output = gomc(&directory, &["check", "send.go", "--no-timings"]);
    let text = stdout(&output);
    assert_eq!(status(&output), 1, "{text}{}", stderr(&output));
    assert!(text.starts_with("send.go: deadlock"), "{text}");
    assert!(
        text.contains("deadlock: all goroutines are asleep"),
        "{text}"
    );
    assert!(
        text.contains("goroutine 1 [chan send]:\n    main.main()\n    \tsend.go:5\n"),
        "{text}"
    );
    assert!(!text.contains("time:"), "--no-timings leaves timings out");
    // Not a terminal: no progress line, nothing on stderr.
    assert_eq!(stderr(&output), "");
}

#[test]
fn end_to_end_an_expected_deadlock_exits_0_and_still_prints_the_counterexample() {
    let directory = scratch("expected");
    write(
        &directory,
        "send.go",
        &format!("// gomc:expect deadlock\n{UNBUFFERED_SEND}"),
    );
    let output = gomc(&directory, &["check", "send.go"]);
    assert_eq!(status(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("goroutine 1 [chan send]:"));
    assert!(stdout(&output).contains("expected: deadlock (as expected)"));
}

#[test]
fn end_to_end_a_clean_ping_pong_exits_0() {
    let directory = scratch("pingpong");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(&directory, &["check", "pingpong.go"]);
    assert_eq!(status(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).starts_with("pingpong.go: no violation"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn end_to_end_a_bound_with_nothing_found_exits_3() {
    let directory = scratch("bound");
    write(&directory, "pingpong.go", PING_PONG);
    let output = gomc(&directory, &["check", "pingpong.go", "--max-states", "1"]);
    assert_eq!(status(&output), 3, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("NOT exhaustive"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("not a proof"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn end_to_end_a_directory_is_checked_in_sorted_order_with_a_summary() {
    let directory = scratch("directory");
    write(&directory, "models/b/send.go", UNBUFFERED_SEND);
    write(&directory, "models/a_pingpong.go", PING_PONG);
    write(&directory, "models/notes.txt", "not a model");
    let output = gomc(&directory, &["check", "models", "--no-timings"]);
    assert_eq!(status(&output), 1, "{}", stdout(&output));
    let text = stdout(&output);
    // The summary table comes first, one line per file in sorted order.
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("file"), "{text}");
    assert!(
        rows[1].starts_with("models/a_pingpong.go") && rows[1].ends_with("ok"),
        "{text}"
    );
    assert!(
        rows[2].starts_with("models/b/send.go") && rows[2].ends_with("FAIL"),
        "{text}"
    );
    assert!(rows[2].contains("deadlock"), "{text}");
    assert_eq!(rows[3], "2 files checked, 1 not ok", "{text}");
    // Then the full report of the unexpected result only.
    assert!(text.contains("models/b/send.go: deadlock"), "{text}");
    assert!(text.contains("schedule: "), "{text}");
    assert!(!text.contains("models/a_pingpong.go: "), "{text}");
}

#[test]
fn end_to_end_a_load_error_among_several_files_exits_2_after_checking_the_others() {
    let directory = scratch("mixed");
    write(&directory, "a.go", PING_PONG);
    write(&directory, "b.go", "// gomc:bogus\npackage main\n");
    let output = gomc(&directory, &["check", "a.go", "b.go"]);
    assert_eq!(status(&output), 2);
    let text = stdout(&output);
    assert!(
        text.lines().any(|row| row.starts_with("a.go")
            && row.contains("no violation")
            && row.ends_with("ok")),
        "{text}"
    );
    assert!(
        text.lines().any(|row| row.starts_with("b.go")
            && row.contains("cannot be loaded")
            && row.ends_with("ERROR")),
        "{text}"
    );
    assert!(
        stderr(&output).contains("--> b.go:1:4"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn end_to_end_a_variant_checks_its_model_with_its_own_directives() {
    let directory = scratch("variant");
    let base = "// gomc:expect none\n// gomc:set size=1\npackage main\n\nvar size = 1\n\n\
                func main() {\n\tch := make(chan int, size)\n\tch <- 1\n}\n";
    write(&directory, "base.go", base);
    write(
        &directory,
        "tight.go",
        "// gomc:model base.go\n// gomc:set size=0\n// gomc:expect deadlock\npackage main\n",
    );
    let output = gomc(
        &directory,
        &["check", "base.go", "tight.go", "--no-timings", "--verbose"],
    );
    assert_eq!(status(&output), 0, "{}{}", stdout(&output), stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("tight.go: deadlock"), "{text}");
    assert!(
        text.contains("\tbase.go:9\n"),
        "locations point into the model: {text}"
    );
}

#[test]
fn end_to_end_json_output_parses_and_has_no_timings_when_asked() {
    let directory = scratch("json");
    write(&directory, "send.go", UNBUFFERED_SEND);
    let output = gomc(&directory, &["check", "send.go", "--json", "--no-timings"]);
    assert_eq!(status(&output), 1);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(value["file"], "send.go");
    assert_eq!(value["violations"][0], "deadlock");
    assert_eq!(value["verdict"], "fail");
    assert!(value["statistics"].get("elapsed_seconds").is_none());
}

#[test]
fn end_to_end_replay_prints_the_same_trace_as_check() {
    let directory = scratch("replay");
    write(&directory, "send.go", UNBUFFERED_SEND);
    let output = gomc(&directory, &["check", "send.go", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let witness = &report["outcomes"][0]["witness"];
    let schedule = witness["schedule"].as_str().unwrap();
    let output = gomc(
        &directory,
        &["replay", "send.go", "--schedule", schedule, "--json"],
    );
    assert_eq!(
        status(&output),
        1,
        "a replay that ends in a deadlock exits 1"
    );
    let replay: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(replay["trace"], witness["trace"]);
    assert_eq!(replay["goroutines"], witness["goroutines"]);
    assert_eq!(replay["outcome"], "deadlock");
    let output = gomc(&directory, &["replay", "send.go", "--schedule", schedule]);
    assert!(
        stdout(&output).contains("goroutine 1 [chan send]:"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn end_to_end_json_for_several_files_is_an_array_in_order() {
    let directory = scratch("json-array");
    write(&directory, "a.go", PING_PONG);
    write(&directory, "b.go", UNBUFFERED_SEND);
    let output = gomc(
        &directory,
        &["check", "a.go", "b.go", "--json", "--no-timings"],
    );
    assert_eq!(status(&output), 1);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let files: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|report| report["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, vec!["a.go", "b.go"]);
}

#[test]
fn end_to_end_replay_of_a_choice_that_is_not_enabled_exits_2_listing_the_enabled_ones() {
    let directory = scratch("replay-not-enabled");
    write(&directory, "send.go", UNBUFFERED_SEND);
    let output = gomc(&directory, &["replay", "send.go", "--schedule", "1,1"]);
    assert_eq!(status(&output), 2, "{}", stdout(&output));
    let message = stderr(&output);
    assert!(
        message.contains(
            "schedule entry 2 `1` is not enabled there (enabled: none: the run has ended)"
        ),
        "{message}"
    );
}

#[test]
fn end_to_end_the_same_check_prints_the_same_bytes_twice() {
    let directory = scratch("deterministic");
    write(&directory, "a.go", PING_PONG);
    write(&directory, "b.go", UNBUFFERED_SEND);
    let first = gomc(&directory, &["check", ".", "--no-timings"]);
    let second = gomc(&directory, &["check", ".", "--no-timings"]);
    assert_eq!(stdout(&first), stdout(&second));
    assert!(stdout(&first).contains("./a.go"), "{}", stdout(&first));
}
