//! Random well-formed Go programs, checked three ways: the native explorer's
//! state invariants hold in every state it reaches (debug builds check them after every step;
//! a broken one is a step error), every counterexample replays to the identical trace, and the
//! outcome kinds loom and shuttle reach are native ones, and exactly the native ones where loom
//! explored every interleaving and data choice.
//!
//! The programs (`program_generator/mod.rs`, without its extras) have 2 to 4 goroutines,
//! channels, `select`, a mutex, a Once and a WaitGroup. Deadlocks, leaks and panics are all
//! fine: the engines only have to agree on them.
//!
//! The seed is fixed (`PROPTEST_RNG_SEED` overrides it, `PROPTEST_CASES` the number of cases),
//! and failures found once are kept in `model/proptest-regressions/engines_proptest.txt` and
//! run first.

#![cfg(all(feature = "loom", feature = "shuttle"))]

mod engines_support;
mod program_generator;

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence, RngSeed};

use engines_support::{
    assert_sound, assert_subset, check_text, kind_names, loom_in_child, remove_scratch,
    scratch_file, shuttle,
};
use gomc::check::replay;
use gomc::{Config, Scheduler};
use program_generator::{program, Extras};

/// Cases per run unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 48;

/// The seed unless `PROPTEST_RNG_SEED` says otherwise.
const SEED: u64 = 0x676f_6d63;

/// loom's budget per program: small programs finish far below it.
const LOOM_ITERATIONS: &str = "5000";

/// shuttle's budget per program and scheduler.
const SHUTTLE_ITERATIONS: u64 = 100;

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if matches!(config.rng_seed, RngSeed::Random) {
        config.rng_seed = RngSeed::Fixed(SEED);
    }
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    config.max_shrink_iters = 256;
    // Relative to the crate folder, where cargo runs integration tests.
    config.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(
        "proptest-regressions/engines_proptest.txt",
    )));
    config
}

/// The three checks on one program.
fn check_three_ways(source: &str) {
    let name = "generated.go";
    let native = check_text(name, source, &Config::new());
    assert_sound(name, &native);
    assert!(native.exhaustive, "the native search is exhaustive");
    for outcome in &native.outcomes {
        let replayed = replay(name, source, &Config::new(), &outcome.witness.schedule)
            .unwrap_or_else(|error| panic!("{} replay failed: {error}", outcome.kind.name()));
        assert_eq!(replayed.outcome, Some(outcome.kind), "replayed outcome");
        assert_eq!(replayed.trace, outcome.witness.trace, "replayed trace");
        assert_eq!(
            replayed.goroutines, outcome.witness.goroutines,
            "replayed dump"
        );
    }
    let native_kinds = kind_names(&native);
    for scheduler in [Scheduler::Random, Scheduler::Pct { depth: 3 }] {
        let report = check_text(name, source, &shuttle(scheduler, 0, SHUTTLE_ITERATIONS));
        assert_sound(name, &report);
        assert_subset(
            name,
            &format!("shuttle {}", scheduler.describe()),
            &kind_names(&report),
            &native_kinds,
        );
    }
    let path = scratch_file(name, source);
    let loom = loom_in_child(&path, &["--iterations", LOOM_ITERATIONS]);
    remove_scratch(&path);
    assert!(loom.skipped.is_none(), "at most 4 goroutines fit loom");
    assert_subset(name, "loom", &loom.kinds, &native_kinds);
    if loom.exhaustive {
        assert_eq!(loom.kinds, native_kinds, "loom explored everything");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_programs_agree_on_all_three_engines(program in program(Extras::Off)) {
        let source = program.to_string();
        let checked = std::panic::catch_unwind(|| check_three_ways(&source));
        if let Err(payload) = checked {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|text| text.to_string()))
                .unwrap_or_default();
            return Err(TestCaseError::fail(format!("{message}\nprogram:\n{source}")));
        }
    }
}
