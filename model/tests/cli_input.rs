//! Input that cannot hurt (issue 11, part 4): each bad input gets a clear error or is skipped,
//! and none can crash gomc, hang it, or make it read outside the model's directory tree.

mod cli_support;

use cli_support::*;

const EMPTY_MAIN: &str = "package main\n\nfunc main() {}\n";

/// A model whose header names `directive` (e.g. `gomc:include /etc/passwd`).
fn naming(directive: &str) -> String {
    format!("// {directive}\npackage main\n\nfunc main() {{}}\n")
}

/// Asserts that checking `file` under `directory` is refused because it names a file outside
/// its tree, pointing at the directive, and that nothing of the outside file is printed.
fn assert_refused_outside(directory: &std::path::Path, file: &str, leaked: &str) {
    let output = gomc(directory, &["check", file]);
    assert_eq!(status(&output), 2, "{}", stderr(&output));
    let errors = stderr(&output);
    assert!(
        errors.contains("outside the model's directory tree"),
        "{errors}"
    );
    assert!(errors.contains(&format!("--> {file}:1:")), "{errors}");
    assert!(!errors.contains(leaked), "{errors}");
    assert!(!stdout(&output).contains(leaked), "{}", stdout(&output));
}

#[test]
fn an_include_of_etc_passwd_is_refused_without_reading_it() {
    let directory = scratch("include-passwd");
    write(&directory, "m.go", &naming("gomc:include /etc/passwd"));
    assert_refused_outside(&directory, "m.go", "root:");
}

#[test]
fn an_include_or_model_of_a_file_above_the_models_folder_is_refused() {
    let directory = scratch("include-up");
    write(
        &directory,
        "outside.go",
        "package main\n\nfunc leakedHelper() {}\n",
    );
    write(
        &directory,
        "d/inc.go",
        &naming("gomc:include ../outside.go"),
    );
    write(
        &directory,
        "d/variant.go",
        "// gomc:model ../outside.go\npackage main\n",
    );
    assert_refused_outside(&directory, "d/inc.go", "leakedHelper");
    assert_refused_outside(&directory, "d/variant.go", "leakedHelper");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_that_leads_out_of_the_tree_is_refused() {
    let directory = scratch("include-link");
    write(
        &directory,
        "outside.go",
        "package main\n\nfunc leakedHelper() {}\n",
    );
    write(&directory, "d/m.go", &naming("gomc:include link.go"));
    std::os::unix::fs::symlink("../outside.go", directory.join("d/link.go")).unwrap();
    assert_refused_outside(&directory, "d/m.go", "leakedHelper");
}

#[test]
fn an_include_in_a_subfolder_is_read() {
    let directory = scratch("include-sub");
    write(
        &directory,
        "d/lib/helper.go",
        "package main\n\nfunc helper() {}\n",
    );
    write(
        &directory,
        "d/m.go",
        "// gomc:include lib/helper.go\npackage main\n\nfunc main() { helper() }\n",
    );
    let output = gomc(&directory, &["check", "d/m.go"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_as_a_model_and_as_an_include() {
    let directory = scratch("dev-zero");
    let output = gomc(&directory, &["check", "/dev/zero"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );
    write(&directory, "m.go", &naming("gomc:include /dev/zero"));
    let output = gomc(&directory, &["check", "m.go"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("outside the model's directory tree"),
        "{}",
        stderr(&output)
    );
}

/// Makes a FIFO (named pipe) at `path`: reading it would block until a writer comes.
#[cfg(unix)]
fn make_fifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_checked_directory_is_skipped_and_named_alone_is_refused() {
    let directory = scratch("fifo");
    write(&directory, "models/ok.go", EMPTY_MAIN);
    make_fifo(&directory.join("models/pipe.go"));
    let output = gomc(&directory, &["check", "models", "--no-timings"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).contains("models/ok.go"),
        "{}",
        stdout(&output)
    );
    assert!(!stdout(&output).contains("pipe.go"), "{}", stdout(&output));
    let output = gomc(&directory, &["check", "models/pipe.go"]);
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_cycle_in_a_checked_directory_is_walked_once() {
    let directory = scratch("cycle");
    write(&directory, "models/a.go", EMPTY_MAIN);
    write(&directory, "models/sub/b.go", EMPTY_MAIN);
    std::os::unix::fs::symlink("..", directory.join("models/sub/up")).unwrap();
    std::os::unix::fs::symlink("loop", directory.join("models/loop")).unwrap();
    let output = gomc(&directory, &["check", "models", "--no-timings"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.ends_with("2 files checked, 0 not ok\n"), "{text}");
    assert_eq!(text.matches("a.go").count(), 1, "{text}");
}

#[test]
fn a_model_with_a_byte_order_mark_is_checked_as_without_it() {
    let directory = scratch("bom");
    write(&directory, "plain.go", UNBUFFERED_SEND);
    write(&directory, "bom.go", &format!("\u{feff}{UNBUFFERED_SEND}"));
    let plain = gomc(&directory, &["check", "plain.go", "--no-timings"]);
    let bom = gomc(&directory, &["check", "bom.go", "--no-timings"]);
    assert_eq!(status(&bom), 1, "{}", stderr(&bom));
    assert_eq!(
        stdout(&bom).replace("bom.go", "plain.go"),
        stdout(&plain),
        "the same report, trace lines included"
    );
}

#[test]
fn check_dash_reads_the_model_from_standard_input() {
    let directory = scratch("stdin");
    let output = gomc_with_stdin(
        &directory,
        &["check", "-", "--no-timings"],
        UNBUFFERED_SEND.as_bytes(),
    );
    assert_eq!(status(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("<stdin>: deadlock"), "{text}");
    assert!(
        text.contains("<stdin>:5"),
        "trace lines name <stdin>: {text}"
    );
    let schedule = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("schedule: "))
        .expect("a schedule")
        .to_string();
    let output = gomc_with_stdin(
        &directory,
        &["replay", "-", "--schedule", &schedule],
        format!("\u{feff}{UNBUFFERED_SEND}").as_bytes(),
    );
    assert_eq!(status(&output), 1, "{}", stderr(&output));
    assert!(stdout(&output).contains("deadlock"), "{}", stdout(&output));
}

#[test]
fn standard_input_named_twice_is_a_usage_error() {
    let directory = scratch("stdin-twice");
    let output = gomc_with_stdin(&directory, &["check", "-", "-"], b"");
    assert_eq!(status(&output), 2);
    assert!(
        stderr(&output).contains("name it once"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_lists_a_file_that_fails_to_load_as_an_entry_with_its_error() {
    let directory = scratch("json-error");
    write(&directory, "a.go", PING_PONG);
    write(&directory, "b.go", "// gomc:bogus\npackage main\n");
    write(&directory, "c.go", UNBUFFERED_SEND);
    let output = gomc(
        &directory,
        &["check", "a.go", "b.go", "c.go", "--json", "--no-timings"],
    );
    assert_eq!(status(&output), 2);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let entries = value.as_array().expect("an array for several files");
    let files: Vec<&str> = entries
        .iter()
        .map(|entry| entry["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.go", "b.go", "c.go"]);
    let verdicts: Vec<&str> = entries
        .iter()
        .map(|entry| entry["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["pass", "error", "fail"]);
    let error = &entries[1]["error"];
    assert_eq!(error["line"], 1);
    assert_eq!(error["col"], 4);
    assert!(
        error["message"].as_str().unwrap().contains("gomc:bogus"),
        "{error}"
    );
    // One file alone is one object, a failure included.
    let output = gomc(&directory, &["check", "nothere.go", "--json"]);
    assert_eq!(status(&output), 2);
    let output = gomc(&directory, &["check", "b.go", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(value["verdict"], "error");
}

/// A model whose goroutine 1 doubles a value at line 6 until it is stopped.
fn doubling(init: &str, double: &str) -> String {
    format!("package main\n\nfunc main() {{\n\ts := {init}\n\tfor {{\n\t\t{double}\n\t}}\n}}\n")
}

#[test]
fn a_string_doubling_loop_is_stopped_by_the_allocation_bound() {
    let directory = scratch("doubling");
    write(&directory, "strings.go", &doubling("\"x\"", "s = s + s"));
    write(
        &directory,
        "slices.go",
        &doubling("[]int{1}", "s = append(s, s...)"),
    );
    write(
        &directory,
        "make.go",
        "package main\n\nfunc main() {\n\t_ = make([]int, 1<<30)\n}\n",
    );
    for (file, line, what) in [
        ("strings.go", 6, "a string of 2097152 bytes"),
        ("slices.go", 6, "a slice of 2097152 elements"),
        ("make.go", 4, "a slice of 1073741824 elements"),
    ] {
        let output = gomc(&directory, &["check", file, "--no-timings"]);
        // Incomplete: a step the checker could not take, not a finding about the model.
        assert_eq!(status(&output), 3, "{file}: {}", stderr(&output));
        let text = stdout(&output);
        assert!(
            text.contains(&format!(
                "goroutine 1 at {file}:{line} in main.main: the model builds {what}, over \
                 gomc's bound of 1048576"
            )),
            "{text}"
        );
        assert!(text.contains("not a proof"), "{text}");
    }
}

/// Ctrl-C stops a step that would otherwise run for long: one that copies a 512 KiB string
/// about 100,000 times before reaching the local instruction limit.
#[cfg(unix)]
#[test]
fn ctrl_c_is_honoured_within_a_long_step() {
    let directory = scratch("ctrl-c");
    write(
        &directory,
        "slow.go",
        "package main\n\nfunc main() {\n\ts := \"x\"\n\tfor i := 0; i < 19; i++ {\n\t\ts = s + s\n\t}\n\tt := \"\"\n\tfor i := 0; i < 200000; i++ {\n\t\tt = s + \"\"\n\t}\n\tprintln(len(t))\n}\n",
    );
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(["check", "slow.go", "--no-timings"])
        .current_dir(&directory)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the gomc binary runs");
    // Time for gomc to install its handler (its first act) and enter the step. The step takes
    // 2 s to 25 s (the 512 KiB copies are slow when the allocator maps each one afresh), so the
    // signal must come well before 2 s.
    std::thread::sleep(std::time::Duration::from_millis(400));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let output = child.wait_with_output().expect("gomc ends");
    assert_eq!(status(&output), 3, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("stopped by Ctrl-C"), "{text}");
    assert!(!text.contains("step error"), "{text}");
}
