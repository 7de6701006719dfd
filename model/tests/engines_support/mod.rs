//! Helpers of the engine agreement tests (`engines.rs`, `engines_proptest.rs`): the native
//! explorer and shuttle run in this process; loom runs in a child process (the `gomc` binary),
//! so that if loom aborts the process (tokio-rs/loom#291) only the test that ran it fails.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use gomc::explore::{Model, StateStatus};
use gomc::report::Report;
use gomc::semantics::Machine;
use gomc::{check_file, check_source, Config, Engine, Scheduler};

/// What a loom run in a child process reported, read from its JSON.
#[derive(Debug)]
pub struct LoomRun {
    /// The outcome kinds reached, by name, in kind order.
    pub kinds: Vec<String>,
    /// Whether every interleaving and data choice was explored.
    pub exhaustive: bool,
    /// Why it was skipped (loom's thread limit), if it was.
    pub skipped: Option<String>,
    /// Executions run.
    pub executions: u64,
    /// Whether an execution met a data choice.
    pub data_choices: bool,
    /// The whole report.
    pub json: serde_json::Value,
}

/// Runs `gomc check --engine loom --json --no-timings ARGS... PATH` in a child process.
pub fn loom_in_child(path: &Path, args: &[&str]) -> LoomRun {
    let output = Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(["check", "--engine", "loom", "--json", "--no-timings"])
        .args(args)
        .arg(path)
        .output()
        .expect("the gomc binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1 | 3)),
        "gomc check --engine loom {args:?} {} ended with {:?}\nstderr:\n{stderr}",
        path.display(),
        output.status,
    );
    let json: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|error| panic!("loom's JSON does not parse: {error}\n{stdout}"));
    assert!(
        json["step_error"].is_null(),
        "{}: loom hit a step error: {}",
        path.display(),
        json["step_error"]
    );
    assert!(
        json["backend"]["failure"].is_null(),
        "{}: loom failed: {}",
        path.display(),
        json["backend"]["failure"]
    );
    for outcome in json["outcomes"].as_array().expect("outcomes") {
        assert!(
            outcome["witness"]["replay_error"].is_null(),
            "{}: a loom witness does not replay natively: {}",
            path.display(),
            outcome["witness"]["replay_error"]
        );
    }
    LoomRun {
        kinds: json["outcomes"]
            .as_array()
            .expect("outcomes")
            .iter()
            .map(|outcome| outcome["kind"].as_str().expect("kind").to_string())
            .collect(),
        exhaustive: json["exhaustive"].as_bool().expect("exhaustive"),
        skipped: json["backend"]["skipped"].as_str().map(str::to_string),
        executions: json["backend"]["executions"].as_u64().expect("executions"),
        data_choices: json["backend"]["data_choices"]
            .as_bool()
            .expect("data_choices"),
        json,
    }
}

/// The outcome kinds of a report, by name.
pub fn kind_names(report: &Report) -> Vec<String> {
    report.kinds().iter().map(|kind| kind.name()).collect()
}

/// Checks that a report of any engine is sound: no step error (in debug builds this includes
/// every broken state invariant), no failure of the backend, and every witness replays
/// natively.
pub fn assert_sound(name: &str, report: &Report) {
    assert!(
        report.step_error.is_none(),
        "{name} ({}): step error: {:?}",
        report.engine.name(),
        report.step_error.as_ref().map(|error| &error.message)
    );
    if let Some(backend) = &report.backend {
        assert!(
            backend.failure.is_none(),
            "{name}: {} failed: {:?}",
            report.engine.name(),
            backend.failure
        );
    }
    for outcome in &report.outcomes {
        assert!(
            outcome.witness.replay_error.is_none(),
            "{name} ({}): the {} witness does not replay: {:?}",
            report.engine.name(),
            outcome.kind.name(),
            outcome.witness.replay_error
        );
    }
}

/// Asserts `subset ⊆ superset`, naming the engines.
pub fn assert_subset(name: &str, engine: &str, subset: &[String], native: &[String]) {
    let extra: Vec<&String> = subset
        .iter()
        .filter(|kind| !native.contains(kind))
        .collect();
    assert!(
        extra.is_empty(),
        "{name}: {engine} reached {extra:?}, which the native explorer does not ({native:?})"
    );
}

/// shuttle's configuration: `scheduler`, `seed`, `iterations`.
pub fn shuttle(scheduler: Scheduler, seed: u64, iterations: u64) -> Config {
    Config::new()
        .engine(Engine::Shuttle)
        .scheduler(scheduler)
        .seed(seed)
        .iterations(iterations)
}

/// Checks a model file with `config`; it must load.
pub fn check_path(path: &Path, config: &Config) -> Report {
    check_file(path, config)
        .unwrap_or_else(|error| panic!("{} does not load:\n{error}", path.display()))
}

/// Checks a model given as text with `config`; it must compile.
pub fn check_text(name: &str, source: &str, config: &Config) -> Report {
    check_source(name, source, config)
        .unwrap_or_else(|error| panic!("{name} does not compile:\n{error}\n{source}"))
}

/// A file in a fresh scratch directory of this process, holding `source`.
pub fn scratch_file(name: &str, source: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let directory = std::env::temp_dir().join(format!(
        "gomc-engines-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&directory).expect("a scratch directory");
    let path = directory.join(name);
    std::fs::write(&path, source).expect("the scratch file is written");
    path
}

/// Removes a scratch file and its directory.
pub fn remove_scratch(path: &Path) {
    if let Some(directory) = path.parent() {
        let _ = std::fs::remove_dir_all(directory);
    }
}

/// The number of distinct schedules (paths from the initial state to an ended state) of an
/// acyclic model, or `None` when it has a cycle or more than `limit` states: what loom, which
/// explores schedules without merging states, must run once each.
pub fn count_schedules(source: &str, limit: usize) -> Option<u128> {
    let program = gomc::frontend::compile(
        &[gomc::program::SourceFile {
            name: "count.go".to_string(),
            text: source.to_string(),
        }],
        &Default::default(),
    )
    .ok()?;
    let machine = Machine::new(&program);
    let initial = machine.initial().ok()?;
    let mut memo = std::collections::BTreeMap::new();
    let mut on_path = std::collections::BTreeSet::new();
    paths(&machine, &initial, &mut memo, &mut on_path, limit)
}

fn paths(
    machine: &Machine<'_>,
    state: &gomc::semantics::State,
    memo: &mut std::collections::BTreeMap<u128, u128>,
    on_path: &mut std::collections::BTreeSet<u128>,
    limit: usize,
) -> Option<u128> {
    if let StateStatus::Ended(_) = machine.status(state) {
        return Some(1);
    }
    let fingerprint = machine.fingerprint(state);
    if let Some(count) = memo.get(&fingerprint) {
        return Some(*count);
    }
    if !on_path.insert(fingerprint) || memo.len() > limit {
        return None;
    }
    let mut choices = Vec::new();
    machine.choices(state, &mut choices);
    let mut total = 0;
    for choice in choices {
        let next = machine.step(state, choice).ok()?;
        total += paths(machine, &next, memo, on_path, limit)?;
    }
    on_path.remove(&fingerprint);
    memo.insert(fingerprint, total);
    Some(total)
}

/// Every model under `directory`, in the order `gomc check` checks them.
pub fn go_files(directory: &Path) -> Vec<PathBuf> {
    gomc::check::model_files(&[directory.to_path_buf()]).unwrap_or_else(|error| panic!("{error}"))
}
