//! The state-space reductions (the README's "State-space reduction") change how many states a
//! search stores, never what it finds: on every bundled model (`scenarios/`), every corpus
//! program, every example, every test model and on generated programs, the reduced search
//! reaches exactly the outcome kinds of the unreduced one, with witnesses of the same length
//! (for a hang, the same way to the states that cannot end), and every witness it reports
//! replays.

mod program_generator;

use std::path::{Path, PathBuf};

use gomc::explore::OutcomeKind;
use gomc::semantics::Reduction;
use gomc::{check_file, check_source, Config, Report};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};

/// What a search found, as the comparison sees it: each outcome kind with the length of its
/// witness (for a hang, the steps before its cycle, since the cycle is walked after the search).
fn findings(report: &Report) -> Vec<(OutcomeKind, usize)> {
    report
        .outcomes
        .iter()
        .map(|outcome| {
            let witness = &outcome.witness;
            let length = witness.cycle_from.map_or(witness.steps, |from| from - 1);
            (outcome.kind, length)
        })
        .collect()
}

/// Compares the reduced and unreduced reports of one model; `None` when they agree.
fn disagreement(name: &str, reduced: &Report, full: &Report) -> Option<String> {
    if !reduced.exhaustive || !full.exhaustive {
        return Some(format!("{name}: a search was not exhaustive"));
    }
    for outcome in &reduced.outcomes {
        if let Some(error) = &outcome.witness.replay_error {
            return Some(format!(
                "{name}: the reduced {:?} witness does not replay: {error}",
                outcome.kind
            ));
        }
    }
    if findings(reduced) != findings(full) {
        return Some(format!(
            "{name}: reduced {:?}, unreduced {:?}",
            findings(reduced),
            findings(full)
        ));
    }
    if reduced.statistics.states > full.statistics.states {
        return Some(format!(
            "{name}: {} states reduced, {} unreduced",
            reduced.statistics.states, full.statistics.states
        ));
    }
    None
}

fn config(reduction: Reduction) -> Config {
    Config::new().reduction(reduction)
}

/// The `.go` files below `dir`, sorted.
fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            go_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "go") {
            out.push(path);
        }
    }
}

#[test]
fn reduced_and_unreduced_searches_agree_on_every_bundled_model() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["scenarios", "corpus", "examples", "model/tests/models"] {
        go_files(&root.join(dir), &mut files);
    }
    let mut compared = 0;
    let mut failures = Vec::new();
    for path in &files {
        if gomc::check::is_library(path) {
            continue;
        }
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        // Models that do not load (the type-error tests) have nothing to compare.
        let Ok(full) = check_file(path, &config(Reduction::NONE)) else {
            continue;
        };
        let reduced = check_file(path, &config(Reduction::ALL)).expect("loaded once already");
        compared += 1;
        failures.extend(disagreement(&name, &reduced, &full));
    }
    assert!(compared >= 100, "only {compared} models compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn symmetry_merges_interchangeable_workers() {
    // Three workers from one `go` statement: 3! orders of who locks first are one up to renaming.
    let source = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n\
                  \tvar wg sync.WaitGroup\n\tfor i := 0; i < 3; i++ {\n\t\twg.Add(1)\n\
                  \t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\tmu.Unlock()\n\
                  \t\t}()\n\t}\n\twg.Wait()\n}\n";
    let full = check_source("w.go", source, &config(Reduction::NONE)).expect("loads");
    let reduced = check_source("w.go", source, &config(Reduction::ALL)).expect("loads");
    assert_eq!(disagreement("w.go", &reduced, &full), None);
    assert!(
        reduced.statistics.states * 2 < full.statistics.states,
        "{} states reduced, {} unreduced",
        reduced.statistics.states,
        full.statistics.states
    );
}

fn proptest_config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if matches!(config.rng_seed, RngSeed::Random) {
        config.rng_seed = RngSeed::Fixed(0x7265_6475);
    }
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 64;
    }
    config.failure_persistence = None;
    config
}

fn agree_on(source: &str) -> Result<(), TestCaseError> {
    let full = check_source("p.go", source, &config(Reduction::NONE));
    let reduced = check_source("p.go", source, &config(Reduction::ALL));
    match (full, reduced) {
        (Ok(full), Ok(reduced)) => {
            if let Some(message) = disagreement("p.go", &reduced, &full) {
                return Err(TestCaseError::fail(format!("{message}\n{source}")));
            }
            Ok(())
        }
        (full, reduced) => Err(TestCaseError::fail(format!(
            "loads differently: {:?} / {:?}\n{source}",
            full.err(),
            reduced.err()
        ))),
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn reduced_and_unreduced_searches_agree_on_generated_programs(
        program in program_generator::program(program_generator::Extras::On)
    ) {
        agree_on(&program.to_string())?;
    }

    #[test]
    fn reduced_and_unreduced_searches_agree_on_programs_with_replicated_goroutines(
        program in program_generator::symmetric_program()
    ) {
        agree_on(&program.to_string())?;
    }
}
