//! Checks every bundled model: its verdict must match its `gomc:expect` header with an
//! exhaustive search, its report (state counts included, so a change of the state space shows
//! as a diff) is pinned as a snapshot, and every counterexample replays to the identical trace.
//!
//! Models are checked by their path relative to the scenarios folder (cargo runs tests there),
//! so that reports name `cmd-dist/before.go` wherever the repository is cloned.

use gomc::check::replay_file;
use gomc::report::{render_text, RenderOptions, Verdict};
use gomc::{check_file, Config};
use gomc_scenarios::{model_files, scenarios_dir};

fn in_scenarios_dir() {
    std::env::set_current_dir(scenarios_dir()).expect("the scenarios folder exists");
}

#[test]
fn every_bundled_model_is_as_expected_and_its_report_is_pinned() {
    in_scenarios_dir();
    let files = model_files();
    assert!(!files.is_empty(), "no bundled models found");
    let mut failures = Vec::new();
    for relative in &files {
        let report = check_file(relative, &Config::new())
            .unwrap_or_else(|error| panic!("{} does not load:\n{error}", relative.display()));
        let text = render_text(&report, &RenderOptions { timings: false });
        if report.verdict != Verdict::Pass {
            failures.push(format!(
                "{}: {:?}\n{text}",
                relative.display(),
                report.verdict
            ));
        }
        let name = relative
            .with_extension("")
            .display()
            .to_string()
            .replace(['/', '\\'], "__");
        insta::with_settings!({
            snapshot_path => "../../snapshots",
            prepend_module_to_snapshot => false,
            description => format!("gomc check {}", relative.display()),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, text);
        });
    }
    assert!(
        failures.is_empty(),
        "models not as expected:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_counterexample_replays_to_the_identical_trace() {
    in_scenarios_dir();
    for relative in model_files() {
        let path = &relative;
        let report = check_file(path, &Config::new()).expect("loads");
        for outcome in &report.outcomes {
            let replayed = replay_file(path, &Config::new(), &outcome.witness.schedule)
                .unwrap_or_else(|error| {
                    panic!(
                        "{} {}: replay failed: {error}",
                        relative.display(),
                        outcome.kind.name()
                    )
                });
            assert_eq!(
                replayed.outcome,
                Some(outcome.kind),
                "{}: replayed outcome",
                relative.display()
            );
            assert_eq!(
                replayed.trace,
                outcome.witness.trace,
                "{}: replayed trace",
                relative.display()
            );
            assert_eq!(
                replayed.goroutines,
                outcome.witness.goroutines,
                "{}: final dump",
                relative.display()
            );
        }
    }
}

/// The README's example shows the real output of `gomc check examples/timeout_leak.go`: every
/// line of the report (timings aside) must appear in it verbatim.
#[test]
fn readme_example_output_is_real() {
    in_scenarios_dir();
    let readme = std::fs::read_to_string("../README.md").expect("README.md");
    let report = check_file("../examples/timeout_leak.go", &Config::new()).expect("loads");
    assert_eq!(report.verdict, Verdict::Pass);
    // Checked from the repository root, as the README shows, the path has no `../`, and the
    // trace's columns are narrower: compare with runs of spaces collapsed.
    let text = render_text(&report, &RenderOptions { timings: false })
        .replace("../examples/", "examples/");
    let collapse = |text: &str| {
        text.split(' ')
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let readme = readme.lines().map(collapse).collect::<Vec<_>>();
    for line in text.lines().map(collapse) {
        assert!(
            readme.contains(&line),
            "README.md lacks the output line:\n{line}"
        );
    }
}
