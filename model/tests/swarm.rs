//! Swarm search (`gomc check --swarm N`): it finds the bundled before-fix bugs and the deadlock
//! of a model with no end, its witnesses replay, its output does not depend on the thread count
//! or on how the job list is split (`gomc swarm-merge`), it never reads like a proof, and it
//! keeps to its bounds.

mod cli_support;
mod explore_support;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use cli_support::{gomc, scratch, status, stderr, stdout};
use explore_support::Endless;
use gomc::explore::{explore_swarm, JobEnd, OutcomeKind, StoppedBy, SwarmLimits, SwarmPlan};
use gomc::Config;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository holds the crate")
        .to_path_buf()
}

/// The model with no end: a resync loop with a timer per iteration and a deadlock on Stop.
const RESYNC_HANG: &str = "bench/resync_hang.go";

/// A small swarm, quick in a test build.
fn swarm_config(jobs: u32) -> Config {
    Config::new().swarm(jobs).max_states(20_000).threads(2)
}

/// Every witness of `report` replays to its kind.
fn assert_witnesses_replay(path: &Path, report: &gomc::Report, config: &Config) {
    for outcome in &report.outcomes {
        if outcome.kind == OutcomeKind::Race {
            continue; // a race is a running state: its replay has no final outcome to compare
        }
        let replay = gomc::check::replay_file(path, config, &outcome.witness.schedule)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_eq!(
            replay.outcome,
            Some(outcome.kind),
            "{}: {}",
            path.display(),
            outcome.witness.schedule
        );
        assert_eq!(outcome.witness.replay_error, None);
    }
}

#[test]
fn swarm_finds_the_bugs_of_the_bundled_before_fix_models() {
    let root = repository();
    let mut checked = 0;
    for folder in ["cmd-dist", "cmd-go", "runtime"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("scenarios").join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                let name = path.file_name().unwrap().to_string_lossy();
                name.starts_with("before") && name.ends_with(".go")
            })
            .collect();
        files.sort();
        for path in files {
            let config = swarm_config(12);
            let report = gomc::check_file(&path, &config).unwrap();
            let expected = report.expectation.as_ref().unwrap().kinds.clone();
            assert!(!report.exhaustive, "{}", path.display());
            assert_eq!(report.stopped_by, Some(StoppedBy::Swarm));
            // Nothing the model cannot reach, and a bug wherever the model has one.
            for kind in &report.violations {
                assert!(expected.contains(kind), "{}: {kind:?}", path.display());
            }
            assert_eq!(
                report.violations.is_empty(),
                expected.is_empty(),
                "{}: found {:?}, expected {expected:?}",
                path.display(),
                report.violations
            );
            assert_witnesses_replay(&path, &report, &config);
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} models");
}

#[test]
fn swarm_finds_the_deadlock_of_a_model_with_no_end() {
    let path = repository().join(RESYNC_HANG);
    let config = swarm_config(8);
    let report = gomc::check_file(&path, &config).unwrap();
    assert_eq!(report.violations, vec![OutcomeKind::Deadlock]);
    assert_eq!(report.exit_code(), 1);
    assert_witnesses_replay(&path, &report, &config);
    let swarm = report.swarm.as_ref().unwrap();
    assert_eq!(swarm.runs.len(), 8);
    assert!(swarm.runs.iter().any(|run| run.ended == JobEnd::Violation));
}

#[test]
fn the_output_is_the_same_for_one_and_two_threads() {
    let directory = repository();
    let run = |threads: &str| {
        gomc(
            &directory,
            &[
                "check",
                "scenarios/cmd-dist/before.go",
                "--set",
                "maxbg=3",
                "--swarm",
                "6",
                "--max-states",
                "5000",
                "--threads",
                threads,
                "--no-timings",
            ],
        )
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(status(&one), 3, "{}", stderr(&one));
    assert_eq!(stdout(&one), stdout(&two));
    assert!(stdout(&one).contains("found by a swarm search of 6 jobs"));
    assert!(stdout(&one).contains("NOT exhaustive"));
}

#[test]
fn a_split_run_merged_is_the_single_run() {
    let directory = repository();
    let parts = scratch("swarm-split");
    let common = [
        "check",
        RESYNC_HANG,
        "--swarm",
        "7",
        "--seed",
        "11",
        "--max-states",
        "5000",
        "--threads",
        "2",
    ];
    let single = gomc(&directory, &[&common[..], &["--no-timings"]].concat());
    let single_json = gomc(
        &directory,
        &[&common[..], &["--json", "--no-timings"]].concat(),
    );
    let mut names = Vec::new();
    for (index, jobs) in ["0-2", "6,3", "4-5"].into_iter().enumerate() {
        let part = gomc(
            &directory,
            &[&common[..], &["--swarm-jobs", jobs, "--json"]].concat(),
        );
        assert_eq!(status(&part), 1, "{}", stderr(&part));
        let name = parts.join(format!("part{index}.json"));
        std::fs::write(&name, part.stdout).unwrap();
        names.push(name.display().to_string());
    }
    let merge = |extra: &[&str]| {
        let mut args = vec!["swarm-merge", "--no-timings"];
        args.extend(names.iter().map(String::as_str));
        args.extend(extra);
        gomc(&directory, &args)
    };
    let merged = merge(&[]);
    assert_eq!(status(&merged), 1, "{}", stderr(&merged));
    assert_eq!(stdout(&merged), stdout(&single));
    assert_eq!(stdout(&merge(&["--json"])), stdout(&single_json));
    // A share alone says which jobs it ran.
    let share = gomc(
        &directory,
        &[&common[..], &["--swarm-jobs", "3,6", "--no-timings"]].concat(),
    );
    assert!(
        stdout(&share).contains("a swarm search of 2 of 7 jobs (3,6)"),
        "{}",
        stdout(&share)
    );
}

#[test]
fn merging_parts_of_different_swarms_is_refused() {
    let directory = repository();
    let parts = scratch("swarm-mismatch");
    let mut names = Vec::new();
    for seed in ["1", "2"] {
        let part = gomc(
            &directory,
            &[
                "check",
                RESYNC_HANG,
                "--swarm",
                "2",
                "--seed",
                seed,
                "--max-states",
                "1000",
                "--json",
            ],
        );
        let name = parts.join(format!("seed{seed}.json"));
        std::fs::write(&name, part.stdout).unwrap();
        names.push(name.display().to_string());
    }
    let merged = gomc(&directory, &["swarm-merge", &names[0], &names[1]]);
    assert_eq!(status(&merged), 2);
    assert!(
        stderr(&merged).contains("other swarm settings"),
        "{}",
        stderr(&merged)
    );
}

#[test]
fn a_bug_free_model_is_reported_as_not_exhaustive() {
    let directory = repository();
    let output = gomc(
        &directory,
        &[
            "check",
            "scenarios/cmd-dist/after.go",
            "--swarm",
            "4",
            "--max-states",
            "3000",
            "--no-timings",
        ],
    );
    assert_eq!(status(&output), 3, "{}", stderr(&output));
    let text = stdout(&output);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains("no violation found by a swarm search of 4 jobs")
            && first.contains("NOT exhaustive")
            && first.contains("not a proof"),
        "{first}"
    );
    assert!(text.contains("expected: none (not confirmed: the search was not exhaustive)"));
    assert!(text.contains("exhaustive: no (stopped by --swarm (bounded searches))"));
}

#[test]
fn swarm_options_that_do_not_fit_are_usage_errors() {
    let directory = repository();
    for args in [
        &["--swarm", "0"][..],
        &["--swarm", "4", "--swarm-jobs", "4"],
        &["--swarm-jobs", "1"],
        &["--swarm", "4", "--search", "bfs"],
        &["--swarm", "4", "--engine", "shuttle"],
        &["--swarm", "4", "--swarm-jobs", "x"],
    ] {
        let output = gomc(
            &directory,
            &[&["check", "scenarios/cmd-dist/before.go"][..], args].concat(),
        );
        assert_eq!(status(&output), 2, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn every_job_keeps_to_its_budget_and_depth_bound() {
    let path = repository().join(RESYNC_HANG);
    // A model with no end and no bug within these bounds: the probes never run.
    let config = Config::new()
        .swarm(6)
        .max_states(700)
        .max_depth(40)
        .set("probes", "0")
        .set("workers", "0")
        .threads(2);
    let report = gomc::check_file(&path, &config).unwrap();
    let swarm = report.swarm.as_ref().unwrap();
    for run in &swarm.runs {
        assert!(run.states <= 700, "{run:?}");
        assert!(
            run.depth_bound <= 40 && run.max_depth <= run.depth_bound,
            "{run:?}"
        );
    }
    assert!(swarm.runs.iter().all(|run| matches!(
        run.ended,
        JobEnd::Budget | JobEnd::DepthBound | JobEnd::Violation
    )));
}

fn endless_plan(jobs: u32) -> SwarmPlan {
    SwarmPlan {
        jobs,
        seed: 0,
        selected: (0..jobs).collect(),
        job_states: u64::MAX,
        max_depth: Some(u32::MAX),
        stop_at_first: false,
    }
}

#[test]
fn the_time_limit_ends_the_swarm() {
    let limits = SwarmLimits {
        time_limit: Some(Duration::from_millis(300)),
        threads: 2,
        ..SwarmLimits::default()
    };
    let swarm = explore_swarm(&Endless, &endless_plan(4), limits);
    assert_eq!(swarm.stopped_by, Some(StoppedBy::TimeLimit));
    assert!(swarm.elapsed < Duration::from_secs(30));
    assert!(swarm
        .runs
        .iter()
        .all(|run| matches!(run.end, JobEnd::TimeLimit | JobEnd::NotRun)));
}

#[test]
fn the_cancel_flag_ends_the_swarm() {
    let cancel = AtomicBool::new(true);
    let limits = SwarmLimits {
        cancel: Some(&cancel),
        threads: 1,
        ..SwarmLimits::default()
    };
    let swarm = explore_swarm(&Endless, &endless_plan(3), limits);
    assert_eq!(swarm.stopped_by, Some(StoppedBy::Cancelled));
    assert!(swarm
        .runs
        .iter()
        .all(|run| matches!(run.end, JobEnd::Cancelled | JobEnd::NotRun)));
}

#[test]
fn the_memory_limit_ends_the_swarm() {
    fn huge() -> Option<u64> {
        Some(u64::MAX)
    }
    let limits = SwarmLimits {
        memory_limit: Some((1 << 30, huge)),
        threads: 2,
        ..SwarmLimits::default()
    };
    let swarm = explore_swarm(&Endless, &endless_plan(4), limits);
    assert_eq!(swarm.stopped_by, Some(StoppedBy::MaxMemory));
}
