//! Output a person can read (issue 14, part 4): the summary table first for several files,
//! full reports for unexpected results (all with `--verbose`), the exit statuses in `--help`,
//! and shell completions and man pages generated from the clap definition.

mod cli_support;

use cli_support::*;

/// A model that deadlocks, as its header expects.
fn expected_deadlock() -> String {
    format!("// gomc:expect deadlock\n{UNBUFFERED_SEND}")
}

#[test]
fn several_files_print_the_table_then_only_the_unexpected_reports() {
    let directory = scratch("table-first");
    write(&directory, "a_expected.go", &expected_deadlock());
    write(&directory, "b_clean.go", PING_PONG);
    write(&directory, "c_unexpected.go", UNBUFFERED_SEND);
    let output = gomc(&directory, &["check", ".", "--no-timings"]);
    assert_eq!(status(&output), 1);
    let text = stdout(&output);
    let table_end = text.find("3 files checked, 1 not ok\n").expect("a summary");
    let lines: Vec<&str> = text[..table_end].lines().collect();
    assert_eq!(lines.len(), 4, "a header and one line per file: {text}");
    assert!(lines[1].starts_with("./a_expected.go") && lines[1].ends_with("ok"));
    assert!(lines[3].starts_with("./c_unexpected.go") && lines[3].ends_with("FAIL"));
    let reports = &text[table_end..];
    assert!(reports.contains("./c_unexpected.go: deadlock"), "{text}");
    assert!(reports.contains("goroutine 1 [chan send]:"), "{text}");
    assert!(!reports.contains("./a_expected.go: "), "{text}");
    assert!(!reports.contains("./b_clean.go: "), "{text}");
}

#[test]
fn verbose_prints_every_report_after_the_table() {
    let directory = scratch("verbose");
    write(&directory, "a_expected.go", &expected_deadlock());
    write(&directory, "b_clean.go", PING_PONG);
    let output = gomc(&directory, &["check", ".", "--no-timings", "--verbose"]);
    assert_eq!(status(&output), 0);
    let text = stdout(&output);
    let table_end = text.find("2 files checked, 0 not ok\n").expect("a summary");
    let expected = text
        .find("./a_expected.go: deadlock")
        .expect("the expected report");
    let clean = text
        .find("./b_clean.go: no violation")
        .expect("the clean report");
    assert!(table_end < expected && expected < clean, "{text}");
}

#[test]
fn a_single_file_prints_its_full_report_without_a_table() {
    let directory = scratch("single");
    write(&directory, "m.go", &expected_deadlock());
    let output = gomc(&directory, &["check", "m.go", "--no-timings"]);
    assert_eq!(status(&output), 0);
    let text = stdout(&output);
    assert!(text.starts_with("m.go: deadlock"), "{text}");
    assert!(text.contains("schedule: "), "{text}");
    assert!(!text.contains("files checked"), "{text}");
}

#[test]
fn help_lists_the_exit_statuses() {
    let directory = scratch("help-exit");
    for args in [&["--help"][..], &["check", "--help"], &["replay", "--help"]] {
        let output = gomc(&directory, args);
        assert_eq!(status(&output), 0);
        let text = stdout(&output);
        for status in [
            "0  every file as expected",
            "1  a violation, or an expectation mismatch",
            "2  bad usage, a model that cannot be loaded",
            "3  a search stopped by a bound",
            "1  it ran and ended in a violation",
        ] {
            assert!(
                text.contains(status),
                "gomc {args:?} lists `{status}`:\n{text}"
            );
        }
    }
}

#[test]
fn completions_are_generated_for_the_shells() {
    let directory = scratch("completions");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = gomc(&directory, &["completions", shell]);
        assert_eq!(status(&output), 0, "{shell}");
        let script = stdout(&output);
        assert!(script.contains("gomc"), "{shell}: {script}");
        assert!(
            script.contains("max-states"),
            "{shell} completes check's options"
        );
    }
    let output = gomc(&directory, &["completions", "tcsh"]);
    assert_eq!(status(&output), 2);
}

#[test]
fn man_pages_are_written_for_gomc_and_its_subcommands() {
    let directory = scratch("man");
    let output = gomc(&directory, &["man", "pages/man1"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let listed = stdout(&output);
    for page in ["gomc.1", "gomc-check.1", "gomc-replay.1"] {
        assert!(listed.contains(page), "{listed}");
        let text = std::fs::read_to_string(directory.join("pages/man1").join(page)).unwrap();
        assert!(
            text.starts_with(".ie \\n(.g .ds Aq"),
            "{page} is roff: {text}"
        );
        assert!(
            text.contains("Exit status"),
            "{page} lists the exit statuses"
        );
    }
    let check = std::fs::read_to_string(directory.join("pages/man1/gomc-check.1")).unwrap();
    assert!(check.contains("max\\-states"), "{check}");
}

/// A reader that stops early (`gomc check ... | head`) ends gomc as it ends `cat`: by SIGPIPE,
/// without a panic message. The pipe is closed before gomc has checked the model, so its first
/// write finds no reader.
#[test]
fn a_closed_pipe_ends_gomc_without_a_panic() {
    use std::os::unix::process::ExitStatusExt;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(["check", "--json", "../scenarios/cmd-dist/before.go"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("gomc runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("gomc ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.signal(), Some(SIGPIPE), "{stderr}");
}

/// SIGPIPE's number on the platforms gomc builds on (Linux, the BSDs, macOS).
const SIGPIPE: i32 = 13;
