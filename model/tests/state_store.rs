//! The stores the native search keeps visited states in (`--hash-compact`, `--bitstate`;
//! `model/src/explore/visited.rs`): hash compaction finds what the exact store finds, state for
//! state, on the bundled models; a bitstate array large enough misses nothing but never reads
//! like a proof, and one too small misses states and says so with its estimate.

mod cli_support;

use std::path::{Path, PathBuf};

use cli_support::{gomc, scratch, status, stdout, write};
use gomc::explore::{OutcomeKind, StateStore, StoppedBy};
use gomc::{check_file, Config, Report};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check(path: &str, store: StateStore) -> Report {
    let config = Config::new().store(store);
    check_file(repository().join(path), &config).expect("the model loads")
}

/// Each outcome with its count of distinct states and the schedule of its witness.
fn findings(report: &Report) -> Vec<(OutcomeKind, u64, String)> {
    report
        .outcomes
        .iter()
        .map(|outcome| {
            (
                outcome.kind,
                outcome.count,
                outcome.witness.schedule.clone(),
            )
        })
        .collect()
}

const MODELS: [&str; 5] = [
    "scenarios/cmd-dist/before.go",
    "scenarios/cmd-dist/after.go",
    "scenarios/cmd-go/before.go",
    "scenarios/testing/cl506755_concurrent_run.go",
    "examples/timeout_leak.go",
];

#[test]
fn hash_compaction_finds_what_the_exact_store_finds() {
    for model in MODELS {
        let exact = check(model, StateStore::Exact);
        let compact = check(model, StateStore::HashCompact);
        assert_eq!(findings(&compact), findings(&exact), "{model}");
        assert_eq!(
            compact.statistics.states, exact.statistics.states,
            "{model}"
        );
        assert_eq!(compact.exhaustive, exact.exhaustive, "{model}");
        assert_eq!(compact.search.store, StateStore::HashCompact);
        let missed = compact.statistics.missed_states.expect("an estimate");
        assert!(missed < 1e-9, "{model}: {missed}");
        assert_eq!(exact.statistics.missed_states, None);
    }
}

#[test]
fn a_large_bitstate_array_misses_nothing_but_is_not_a_proof() {
    let store = StateStore::Bitstate { bytes: 1 << 20 };
    for model in MODELS {
        let exact = check(model, StateStore::Exact);
        let bitstate = check(model, store);
        let without_hangs: Vec<_> = findings(&exact)
            .into_iter()
            .filter(|(kind, _, _)| *kind != OutcomeKind::Hang)
            .collect();
        assert_eq!(findings(&bitstate), without_hangs, "{model}");
        assert_eq!(
            bitstate.statistics.states, exact.statistics.states,
            "{model}"
        );
        assert!(!bitstate.exhaustive, "{model}");
        assert_eq!(bitstate.stopped_by, Some(StoppedBy::Bitstate), "{model}");
        assert!(bitstate.statistics.missed_states.expect("an estimate") < 0.01);
    }
}

#[test]
fn a_small_bitstate_array_misses_states_and_estimates_how_many() {
    let model = "scenarios/testing/restored_oversubscribe.go";
    let exact = check(model, StateStore::Exact);
    let bitstate = check(model, StateStore::Bitstate { bytes: 1 << 12 });
    let missed_estimate = bitstate.statistics.missed_states.expect("an estimate");
    assert!(bitstate.statistics.states < exact.statistics.states);
    assert!(missed_estimate >= 1.0, "{missed_estimate}");
    // Every state a bitstate search counts is a real state, so it can only find fewer.
    for (kind, count, _) in findings(&bitstate) {
        let exact_count = exact
            .outcome(kind)
            .expect("a kind the exact search reaches")
            .count;
        assert!(count <= exact_count, "{kind:?}");
    }
}

#[test]
fn the_report_names_the_store_and_the_exit_status_is_not_a_proof() {
    let directory = scratch("state-store");
    write(
        &directory,
        "clean.go",
        "package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { done <- true }()\n\t<-done\n}\n",
    );
    let compact = gomc(&directory, &["check", "--hash-compact", "clean.go"]);
    assert_eq!(status(&compact), 0, "{}", stdout(&compact));
    assert!(stdout(&compact).contains("store: hash-compact (64-bit fingerprints)"));
    let bitstate = gomc(&directory, &["check", "--bitstate", "clean.go"]);
    assert_eq!(status(&bitstate), 3, "{}", stdout(&bitstate));
    let text = stdout(&bitstate);
    assert!(text.contains("search NOT exhaustive"), "{text}");
    assert!(
        text.contains("store: bitstate (256M, 3 bits a state)"),
        "{text}"
    );
    assert!(text.contains("hangs not looked for"), "{text}");
    let sized = gomc(
        &directory,
        &["check", "--bitstate=3000", "clean.go", "--json"],
    );
    let json = stdout(&sized);
    assert!(
        json.contains("\"kind\": \"bitstate\"") && json.contains("\"bytes\": 2048"),
        "rounded down to a power of two: {json}"
    );
    assert!(json.contains("\"missed_states\""), "{json}");
}

#[test]
fn store_options_that_do_not_fit_exit_2() {
    let directory = scratch("state-store-usage");
    write(&directory, "clean.go", "package main\n\nfunc main() {}\n");
    for (args, says) in [
        (&["--bitstate=100"][..], "too small"),
        (&["--hash-compact", "--bitstate"][..], "cannot be used with"),
        (
            &["--hash-compact", "--engine", "loom"][..],
            "applies to the native engine",
        ),
        (
            &["--bitstate", "--swarm", "4"][..],
            "does not apply to --swarm",
        ),
    ] {
        let mut argv = vec!["check"];
        argv.extend_from_slice(args);
        argv.push("clean.go");
        let output = gomc(&directory, &argv);
        assert_eq!(status(&output), 2, "{args:?}");
        let said = cli_support::stderr(&output);
        assert!(said.contains(says), "{args:?}: {said}");
    }
}
