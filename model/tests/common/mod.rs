//! Helpers shared by the known-answer semantics tests (`semantics.rs`, `semantics_defer.rs`,
//! `semantics_sync.rs`, `semantics_data.rs`, ...). See `semantics.rs` for how states are
//! counted.

#![allow(dead_code)]

pub mod gobuild;

use gomc::explore::OutcomeKind;
use gomc::semantics::Reduction;
use gomc::{check_source, Config, Report};

/// Checks a model; it must compile and every step must be one the checker can take.
pub fn check(source: &str) -> Report {
    let report = check_source("known.go", source, &Config::new())
        .unwrap_or_else(|error| panic!("model does not compile:\n{error}"));
    assert!(
        report.step_error.is_none(),
        "step error: {:?}",
        report.step_error
    );
    report
}

/// The compile error of a model that must not compile.
pub fn compile_error(source: &str) -> gomc::frontend::ModelError {
    match check_source("known.go", source, &Config::new()) {
        Ok(_) => panic!("expected a compile error"),
        Err(error) => error,
    }
}

/// Asserts the outcome kinds (with how many distinct end states each), unique states and
/// transitions of an exhaustive search.
pub fn assert_space(
    report: &Report,
    outcomes: &[(OutcomeKind, u64)],
    states: u64,
    transitions: u64,
) {
    assert!(report.exhaustive, "search not exhaustive");
    let found: Vec<(OutcomeKind, u64)> =
        report.outcomes.iter().map(|o| (o.kind, o.count)).collect();
    assert_eq!(found, outcomes, "outcomes");
    assert_eq!(report.statistics.states, states, "unique states");
    assert_eq!(report.statistics.transitions, transitions, "transitions");
}

/// Asserts an exhaustive search reached exactly these outcome kinds.
pub fn assert_kinds(report: &Report, kinds: &[OutcomeKind]) {
    assert!(report.exhaustive, "search not exhaustive");
    assert_eq!(report.kinds(), kinds);
}

/// Go's panic text (`panic: ...`, several lines for a chain, or `fatal error: ...`) of the
/// shortest panic.
pub fn panic_message(report: &Report) -> String {
    let outcome = report.outcome(OutcomeKind::Panic).expect("a panic outcome");
    outcome
        .witness
        .panic
        .as_ref()
        .expect("panic details")
        .message
        .clone()
}

/// The wait reasons of the goroutines in the witness of `kind`, sorted.
pub fn wait_reasons(report: &Report, kind: OutcomeKind) -> Vec<String> {
    let outcome = report.outcome(kind).expect("outcome");
    let mut reasons: Vec<String> = outcome
        .witness
        .goroutines
        .iter()
        .map(|g| match &g.status {
            gomc::semantics::GoroutineStatus::Waiting(reason) => reason.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    reasons.sort();
    reasons
}

/// The text printed along the shortest witness of `kind`.
pub fn printed(report: &Report, kind: OutcomeKind) -> Vec<String> {
    let outcome = report.outcome(kind).expect("outcome");
    let witness = &outcome.witness;
    witness
        .initial_output
        .iter()
        .cloned()
        .chain(
            witness
                .trace
                .iter()
                .flat_map(|step| step.output.iter().cloned()),
        )
        .collect()
}

/// The step error of a model that stops the search (it must compile and must not be
/// exhaustive): the message, to look for the bound it names.
pub fn step_error(source: &str) -> String {
    let report = check_source("known.go", source, &Config::new()).expect("compiles");
    assert!(!report.exhaustive, "an exhaustive search");
    format!("{:?}", report.step_error.expect("a step error"))
}

/// The functions of every frame in the goroutine dump of an outcome's witness.
pub fn dumped_functions(report: &Report, kind: OutcomeKind) -> Vec<String> {
    report
        .outcome(kind)
        .expect("outcome")
        .witness
        .goroutines
        .iter()
        .flat_map(|g| g.frames.iter().map(|f| f.function.clone()))
        .collect()
}

/// Checks a model in race mode with these reductions; it must compile, every step must be one
/// the checker can take, and the search must be exhaustive.
pub fn check_races_with(source: &str, reduction: Reduction) -> Report {
    let config = Config::new().races(true).reduction(reduction);
    let report = check_source("race.go", source, &config)
        .unwrap_or_else(|error| panic!("model does not compile:\n{error}"));
    assert!(
        report.step_error.is_none(),
        "step error: {:?}",
        report.step_error
    );
    assert!(report.exhaustive, "search not exhaustive");
    report
}

/// gomc's output of a model that must end without a violation: its lines, each printed call's
/// text ending in a newline (so a model compared with Go ends every print with its line).
pub fn output_of(source: &str) -> String {
    let report = check(source);
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    printed(&report, OutcomeKind::Ok)
        .iter()
        .map(|line| {
            if line.ends_with('\n') {
                line.clone()
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

/// `models/types/NAME.go` prints `models/types/NAME.out` under gomc, and that file is what
/// `go run` prints for it (standard output and error together, as println writes to the
/// latter), checked again whenever Go is installed.
pub fn assert_prints_as_go_run(name: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models/types");
    let recorded = std::fs::read_to_string(dir.join(format!("{name}.out"))).expect("recorded");
    let go_installed = std::process::Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|output| output.status.success());
    if go_installed {
        let output = std::process::Command::new("sh")
            .args(["-c", &format!("go run {name}.go 2>&1")])
            .current_dir(&dir)
            .env("GO111MODULE", "off")
            .env("GOCACHE", std::env::temp_dir().join("gomc-go-run-cache"))
            .output()
            .expect("sh");
        assert!(
            output.status.success(),
            "go run {name}.go failed: {output:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            recorded,
            "go run {name}.go"
        );
    }
    let source = std::fs::read_to_string(dir.join(format!("{name}.go"))).expect("model");
    assert_eq!(output_of(&source), recorded, "gomc on {name}.go");
}
