//! `gomc test` on `_test.go` files (`model/tests/models/gotest/`): the tests are found as `go
//! test` finds them, run through the modelled testing package (`model/src/stdlib/testing.go`),
//! and get the verdicts the real toolchain confirms: `go test -timeout 3s` (Go 1.19) hangs on
//! the three deadlocking tests, passes `TestWorkersCount` and fails
//! `TestCheckBeforeWorkerIsDone` (the context and synctest tests need Go 1.24 and 1.25).

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::gomc;
use gomc::check::{check_test, find_test_packages};
use gomc::explore::OutcomeKind::{self, Deadlock, Fail, Leak, Ok, Panic};
use gomc::program::Clock;
use gomc::Config;

fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models/gotest")
}

/// Every test of the folder with the outcome kinds an exhaustive search reaches.
fn verdicts(folder: &str) -> Vec<(String, Vec<OutcomeKind>)> {
    verdicts_with(folder, &Config::new())
}

/// [`verdicts`] under `config`.
fn verdicts_with(folder: &str, config: &Config) -> Vec<(String, Vec<OutcomeKind>)> {
    let packages = find_test_packages(&[models().join(folder)]).expect("test packages");
    assert_eq!(packages.len(), 1);
    let package = &packages[0];
    package
        .tests
        .iter()
        .map(|(file, name)| {
            let report = check_test(package, file, name, config)
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            assert!(report.exhaustive, "{name}");
            (name.clone(), report.kinds())
        })
        .collect()
}

#[test]
fn hanging_tests_get_the_verdicts_go_test_confirms() {
    let found = verdicts("hangs");
    let expected = [
        ("TestParallelSubtestWaitsForParent", vec![Deadlock]),
        ("TestCleanupWaitsForContextWorker", vec![Ok]),
        ("TestCleanupBlocksForever", vec![Deadlock]),
        ("TestFatalFromNonTestGoroutine", vec![Deadlock]),
        ("TestWorkersCount", vec![Ok]),
        ("TestCheckBeforeWorkerIsDone", vec![Ok, Fail]),
    ];
    let expected: Vec<(String, Vec<OutcomeKind>)> = expected
        .into_iter()
        .map(|(name, kinds)| (name.to_string(), kinds))
        .collect();
    assert_eq!(found, expected);
}

fn named(expected: &[(&str, &[OutcomeKind])]) -> Vec<(String, Vec<OutcomeKind>)> {
    expected
        .iter()
        .map(|(name, kinds)| (name.to_string(), kinds.to_vec()))
        .collect()
}

// Tests as people write them (probe round of issue 9), each package's comment saying what `go
// test -race -count=5 -timeout 10s` (Go 1.23) does with it.

#[test]
fn table_driven_parallel_subtests_and_testing_short() {
    let expected = named(&[
        ("TestCacheTable", &[Ok]),
        ("TestCacheHitsAfterParallel", &[Ok]),
        ("TestLongRunning", &[Ok]),
    ]);
    assert_eq!(verdicts("table"), expected);
    // testing.Short() was "unsupported Go construct: testing.Short"; with -short the test
    // skips itself before starting its goroutine.
    let output = gomc(
        &models(),
        &[
            "test",
            "-short",
            "-run",
            "LongRunning",
            "--no-timings",
            "table",
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<String> = stdout
        .lines()
        .map(|line| line.replace(|c: char| c.is_ascii_digit(), ""))
        .collect();
    assert_eq!(
        lines,
        [
            "=== RUN   TestLongRunning",
            "    skipping in short mode",
            "--- SKIP: TestLongRunning (gomc: skipped, no failure in  states)",
            "ok  \ttable\t(gomc:  test, every interleaving)",
        ],
        "{stdout}"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_server_stopped_by_cleanup_and_a_double_stop() {
    let expected = named(&[
        ("TestDouble", &[Ok]),
        ("TestDoubleConcurrent", &[Ok]),
        ("TestStopTwice", &[Panic]),
    ]);
    assert_eq!(verdicts("cleanup"), expected);
}

#[test]
fn context_timeouts_pass_when_durations_mean_what_they_say() {
    let expected = named(&[
        ("TestFetchFast", &[Ok]),
        ("TestFetchTimesOut", &[Ok]),
        ("TestFetchCanceledByTest", &[Ok]),
    ]);
    let synctest = Config::new().clock(Clock::Synctest);
    assert_eq!(verdicts_with("ctxwork", &synctest), expected);
    // Untimed, every timer may fire first, whatever its duration: each check can fail.
    let untimed = named(&[
        ("TestFetchFast", &[Ok, Fail]),
        ("TestFetchTimesOut", &[Ok, Fail]),
        ("TestFetchCanceledByTest", &[Ok, Fail]),
    ]);
    assert_eq!(verdicts("ctxwork"), untimed);
    let output = gomc(&models(), &["test", "--clock", "synctest", "ctxwork"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn fatal_in_a_helper_on_a_goroutine_fails_or_hangs_as_go_does() {
    let expected = named(&[
        ("TestSquaresInGoroutines", &[Fail]),
        ("TestSquaresNoDefer", &[Deadlock]),
    ]);
    assert_eq!(verdicts("fatalhelper"), expected);
}

#[test]
fn subtests_that_wait_on_each_other() {
    let expected = named(&[
        ("TestProducerConsumer", &[Ok]),
        ("TestSequentialSubtestsHang", &[Deadlock]),
        ("TestStage", &[Ok]),
    ]);
    assert_eq!(verdicts("subtests"), expected);
}

#[test]
fn errorf_from_waitgroup_goroutines() {
    let expected = named(&[
        ("TestIncConcurrent", &[Ok]),
        ("TestIncOrderAssumed", &[Ok, Fail]),
    ]);
    assert_eq!(verdicts("wgerr"), expected);
}

#[test]
fn a_goroutine_blocked_after_the_test_returns_is_a_leak() {
    let synctest = Config::new().clock(Clock::Synctest);
    let expected = named(&[("TestNotifyFast", &[Ok]), ("TestNotifySlowLeaks", &[Leak])]);
    assert_eq!(verdicts_with("leaky", &synctest), expected);
}

#[test]
fn a_package_that_does_not_load_is_reported_once() {
    let dir = std::env::temp_dir().join(format!("gomc-gotest-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a_test.go"),
        "package broken\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { _ = t.TempDir() }\n\n\
         func TestB(t *testing.T) {}\n",
    )
    .unwrap();
    let output = gomc(&dir, &["test"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stdout,
        "=== RUN   TestA\n--- FAIL: TestA (gomc: the package does not load)\nFAIL\t. [build failed]\n"
    );
    assert_eq!(stderr.matches("testing.T.TempDir").count(), 1, "{stderr}");
    assert!(stderr.contains("a_test.go:5:32"), "{stderr}");
    assert_eq!(output.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_synctest_test_is_checked_as_written() {
    // Under synctest time the 10 ms fetch always beats the 1 s timeout.
    assert_eq!(
        verdicts("synctest"),
        [("TestFetchBeatsTimeout".to_string(), vec![Ok])]
    );
}

#[test]
fn the_command_prints_as_go_test_does_and_exits_one_on_a_failure() {
    let output = gomc(
        &models(),
        &[
            "test",
            "-run",
            "Workers|CheckBefore",
            "--no-timings",
            "hangs",
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.starts_with("    ")).collect();
    // State counts and witness lengths are the search's; the shape is go test's.
    let lines: Vec<String> = lines
        .into_iter()
        .filter(|l| !l.is_empty())
        .map(|line| line.replace(|c: char| c.is_ascii_digit(), ""))
        .collect();
    assert_eq!(
        lines,
        [
            "=== RUN   TestWorkersCount",
            "--- PASS: TestWorkersCount (gomc: every interleaving,  states)",
            "=== RUN   TestCheckBeforeWorkerIsDone",
            "--- FAIL: TestCheckBeforeWorkerIsDone (gomc: fail; shortest  steps)",
            "FAIL\thangs",
        ],
        "{stdout}"
    );
    // The failing test's report follows its line, indented; its output shows the test's log.
    assert!(stdout.contains("    worker not done yet"), "{stdout}");
    // Frames carry the tested package's name, as Go's tracebacks do.
    assert!(
        stdout.contains("hangs.TestCheckBeforeWorkerIsDone"),
        "{stdout}"
    );
    assert_eq!(output.status.code(), Some(1));

    let passing = gomc(&models(), &["test", "-run=Workers", "hangs"]);
    assert_eq!(passing.status.code(), Some(0));
    let text = String::from_utf8_lossy(&passing.stdout);
    assert!(
        text.ends_with("ok  \thangs\t(gomc: 1 test, every interleaving)\n"),
        "{text}"
    );
}

#[test]
fn a_folder_without_tests_is_a_usage_error() {
    let empty = std::env::temp_dir().join(format!("gomc-gotest-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let output = gomc(&empty, &["test"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no test files"));
    let _ = std::fs::remove_dir_all(&empty);
}
