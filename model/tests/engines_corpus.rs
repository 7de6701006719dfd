//! The three engines agree on the corpus (`corpus/`: programs using interfaces, context,
//! errgroup, timers, log and math/rand): every outcome kind shuttle (random scheduler) or loom
//! reaches is one the native explorer reaches, and shuttle finds each deadlock, leak or panic
//! the corpus expects. Budgets are small so that this stays a few seconds per file; the
//! bundled models get the full treatment in `engines.rs`.

#![cfg(all(feature = "loom", feature = "shuttle"))]

mod engines_support;

use std::path::Path;

use engines_support::{
    assert_sound, assert_subset, check_path, go_files, kind_names, loom_in_child, shuttle,
};
use gomc::explore::OutcomeKind;
use gomc::{Config, Scheduler};

#[test]
fn loom_and_shuttle_reach_only_native_outcomes_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let files = go_files(&root);
    assert!(files.len() >= 35, "{} corpus programs", files.len());
    let mut missed = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let native = check_path(path, &Config::new());
        assert_sound(&name, &native);
        let native_kinds = kind_names(&native);
        let expected = native
            .expectation
            .as_ref()
            .map(|expectation| expectation.kinds.clone())
            .unwrap_or_default();
        let sampled = check_path(path, &shuttle(Scheduler::Random, 0, 100));
        assert_sound(&name, &sampled);
        assert_subset(&name, "shuttle", &kind_names(&sampled), &native_kinds);
        for kind in &expected {
            // A hang is decided by the native engine only (the README's Outcomes).
            if *kind != OutcomeKind::Hang && sampled.outcome(*kind).is_none() {
                missed.push(format!("{name}: shuttle did not find the {}", kind.name()));
            }
        }
        let loom = loom_in_child(path, &["--iterations", "150"]);
        if loom.skipped.is_none() {
            assert_subset(&name, "loom", &loom.kinds, &native_kinds);
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
