//! The three engines agree (README, "Agreement"): on every bundled model and
//! example, every outcome kind loom or shuttle reaches is one the native explorer reaches, and
//! when loom explored everything, it reaches exactly the native kinds; shuttle finds every
//! expected violation of the bundled models within a fixed budget. Plus known answers for the
//! backends themselves: loom runs each schedule once, explores data choices, skips models with
//! more goroutines than it has threads, and cuts endless executions.
//!
//! loom runs in a child process (the `gomc` binary): if it aborts the process, one test fails,
//! not the suite.

#![cfg(all(feature = "loom", feature = "shuttle"))]

mod engines_support;

use std::path::{Path, PathBuf};

use engines_support::{
    assert_sound, assert_subset, check_path, check_text, count_schedules, go_files, kind_names,
    loom_in_child, remove_scratch, scratch_file, shuttle,
};
use gomc::explore::StoppedBy;
use gomc::report::{render_text, RenderOptions};
use gomc::{Config, Engine, Scheduler};

/// shuttle's budget on every bundled model, per scheduler.
const SHUTTLE_ITERATIONS: u64 = 1_000;

/// shuttle's seed in these tests.
const SHUTTLE_SEED: u64 = 0;

/// PCT's depth in these tests.
const PCT_DEPTH: usize = 3;

/// loom's budget on every bundled model, per run.
const LOOM_ITERATIONS: &str = "2000";

/// The bundled models and the examples, race-mode ones included (the backends run them in race
/// mode too).
fn models() -> Vec<PathBuf> {
    let root = repository();
    let mut files = go_files(&root.join("scenarios"));
    files.extend(go_files(&root.join("examples")));
    assert!(!files.is_empty(), "no bundled models found");
    files
}

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository holds the crate")
        .to_path_buf()
}

fn name(path: &Path) -> String {
    path.strip_prefix(repository())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The known bugs shuttle must find under each of its schedulers within the budget: the
/// cmd/dist deadlock before 73a10bfcbb46 and the #64402 deadlocks of CL 506755.
const FOUND_BY_EACH_SCHEDULER: &[&str] = &[
    "scenarios/cmd-dist/before.go",
    "scenarios/testing/cl506755_hang.go",
    "scenarios/testing/cl506755_parent_run.go",
    "scenarios/testing/cl506755_concurrent_run.go",
];

/// Every kind shuttle reaches, under the random and the PCT scheduler, is a native one; and
/// shuttle finds each violation a bundled model's header expects within the budget, under at
/// least one of the two schedulers (under each, for the known bugs above). Prints how many
/// executions each took (`cargo test --test engines -- --nocapture` shows the table).
#[test]
fn shuttle_reaches_only_native_outcomes_and_finds_every_expected_violation() {
    let mut table = Vec::new();
    let mut missed = Vec::new();
    for path in models() {
        let name = name(&path);
        let native = check_path(&path, &Config::new());
        assert_sound(&name, &native);
        let native_kinds = kind_names(&native);
        let expected = native
            .expectation
            .as_ref()
            .map(|expectation| expectation.kinds.clone())
            .unwrap_or_default();
        let mut found_by: Vec<Vec<String>> = vec![Vec::new(); expected.len()];
        for scheduler in [Scheduler::Random, Scheduler::Pct { depth: PCT_DEPTH }] {
            let config = shuttle(scheduler, SHUTTLE_SEED, SHUTTLE_ITERATIONS);
            let report = check_path(&path, &config);
            assert_sound(&name, &report);
            assert_subset(
                &name,
                &format!("shuttle {}", scheduler.describe()),
                &kind_names(&report),
                &native_kinds,
            );
            for (kind, found_by) in expected.iter().zip(&mut found_by) {
                let found = report.outcome(*kind).map(|outcome| {
                    let execution = outcome.first_execution.expect("a backend outcome");
                    found_by.push(scheduler.describe());
                    format!("found in execution {execution}")
                });
                table.push(format!(
                    "{name:<45} {:<8} {:<12} {}",
                    kind.name(),
                    scheduler.describe(),
                    found.unwrap_or_else(|| format!("not found in {SHUTTLE_ITERATIONS}"))
                ));
            }
        }
        let required = if FOUND_BY_EACH_SCHEDULER.contains(&name.as_str()) {
            2
        } else {
            1
        };
        for (kind, found_by) in expected.iter().zip(&found_by) {
            if found_by.len() < required {
                missed.push(format!("{name}: {} found by {found_by:?}", kind.name()));
            }
        }
    }
    eprintln!(
        "expected violations found by shuttle (seed {SHUTTLE_SEED}, budget \
         {SHUTTLE_ITERATIONS}):\n{}",
        table.join("\n")
    );
    assert!(
        missed.is_empty(),
        "shuttle missed expected violations within {SHUTTLE_ITERATIONS} executions:\n{}",
        missed.join("\n")
    );
}

/// Every kind loom reaches is a native one, with a preemption bound of 1 and without a bound;
/// where loom explored everything, exactly the native ones. A model with more goroutines than
/// loom has threads is reported as skipped.
#[test]
fn loom_reaches_only_native_outcomes_on_every_bundled_model() {
    for path in models() {
        let name = name(&path);
        let native = check_path(&path, &Config::new());
        let native_kinds = kind_names(&native);
        for args in [
            &["--preemption-bound", "1", "--iterations", LOOM_ITERATIONS][..],
            &["--iterations", LOOM_ITERATIONS][..],
        ] {
            let loom = loom_in_child(&path, args);
            if let Some(reason) = &loom.skipped {
                assert!(reason.starts_with("skipped for loom"), "{name}: {reason}");
                assert!(!loom.exhaustive);
                continue;
            }
            assert_subset(&name, "loom", &loom.kinds, &native_kinds);
            if loom.exhaustive && native.exhaustive {
                assert_eq!(loom.kinds, native_kinds, "{name}: loom explored everything");
            }
        }
    }
}

/// Two goroutines, a mutex and a channel, no data choices: loom must run each of its schedules
/// exactly once (counted on the native state graph).
const TWO_WORKERS: &str = "\
package main

import \"sync\"

var mu sync.Mutex

func main() {
\tdone := make(chan int)
\tgo func() {
\t\tmu.Lock()
\t\tmu.Unlock()
\t\tdone <- 1
\t}()
\tgo func() {
\t\tmu.Lock()
\t\tdone <- 2
\t}()
\t<-done
\tmu.Lock()
\t<-done
}
";

#[test]
fn loom_runs_each_schedule_exactly_once() {
    let schedules = count_schedules(TWO_WORKERS, 100_000).expect("an acyclic model");
    let native = check_text("two_workers.go", TWO_WORKERS, &Config::new());
    let path = scratch_file("two_workers.go", TWO_WORKERS);
    let loom = loom_in_child(&path, &[]);
    remove_scratch(&path);
    assert!(loom.exhaustive);
    assert!(!loom.data_choices);
    assert_eq!(u128::from(loom.executions), schedules);
    assert_eq!(loom.kinds, kind_names(&native));
}

/// Data choices: which of two ready channels `select` takes, and a `gomc.Choose`. Only some
/// combinations deadlock; loom finds them through its choice vectors.
const DATA_CHOICES: &str = "\
package main

import \"gomc\"

func main() {
\ta := make(chan int, 1)
\tb := make(chan int, 1)
\ta <- 1
\tb <- 2
\tvar got int
\tselect {
\tcase got = <-a:
\tcase got = <-b:
\t}
\tif got == 2 && gomc.Choose(3) == 2 {
\t\t<-a
\t\t<-a
\t}
}
";

#[test]
fn loom_explores_the_choices_go_makes_at_random_through_choice_vectors() {
    let native = check_text("data_choices.go", DATA_CHOICES, &Config::new());
    assert_eq!(kind_names(&native), ["ok", "deadlock"]);
    let path = scratch_file("data_choices.go", DATA_CHOICES);
    let loom = loom_in_child(&path, &[]);
    remove_scratch(&path);
    assert!(loom.exhaustive, "{}", loom.json);
    assert!(loom.data_choices);
    assert_eq!(loom.kinds, kind_names(&native));
    assert!(loom.json["backend"]["vectors"].as_u64().expect("vectors") > 1);
}

/// Goroutine 1 and four others: one more than loom has threads for.
const FIVE_GOROUTINES: &str = "\
package main

import \"sync\"

func main() {
\tvar wg sync.WaitGroup
\tfor i := 0; i < 4; i++ {
\t\twg.Add(1)
\t\tgo func() {
\t\t\twg.Done()
\t\t}()
\t}
\twg.Wait()
}
";

#[test]
fn loom_reports_a_model_with_more_goroutines_than_threads_as_skipped() {
    let path = scratch_file("five.go", FIVE_GOROUTINES);
    let loom = loom_in_child(&path, &[]);
    remove_scratch(&path);
    let reason = loom.skipped.expect("skipped");
    assert!(
        reason.starts_with("skipped for loom: the model runs more than 4 goroutines"),
        "{reason}"
    );
    assert!(!loom.exhaustive);
    assert_eq!(loom.json["stopped_by"], "thread-limit");
    assert_eq!(loom.json["verdict"], "incomplete");
    // Four goroutines in all fit.
    let four = FIVE_GOROUTINES.replace("i < 4", "i < 3");
    let path = scratch_file("four.go", &four);
    let loom = loom_in_child(&path, &[]);
    remove_scratch(&path);
    assert!(loom.skipped.is_none());
    assert!(loom.exhaustive);
    assert_eq!(loom.kinds, ["ok"]);
}

const NO_SCHEDULING_POINT: &str = "\
package main

func main() {
\tx := 1
\t_ = x
}
";

#[test]
fn a_model_that_ends_before_its_first_step_is_one_execution() {
    let native = check_text("none.go", NO_SCHEDULING_POINT, &Config::new());
    let shuttle = check_text(
        "none.go",
        NO_SCHEDULING_POINT,
        &shuttle(Scheduler::Pct { depth: 3 }, 0, 10),
    );
    assert_eq!(kind_names(&shuttle), kind_names(&native));
    assert_eq!(shuttle.backend.as_ref().unwrap().executions, 1);
    let path = scratch_file("none.go", NO_SCHEDULING_POINT);
    let loom = loom_in_child(&path, &[]);
    remove_scratch(&path);
    assert!(loom.exhaustive);
    assert_eq!(loom.kinds, ["ok"]);
}

/// A goroutine that may spin forever on a `select` with `default`: executions are cut at the
/// step bound, and the run says so.
const SPIN: &str = "\
package main

func main() {
\tdone := make(chan bool)
\tgo func() {
\t\tfor {
\t\t\tselect {
\t\t\tcase <-done:
\t\t\t\treturn
\t\t\tdefault:
\t\t\t}
\t\t}
\t}()
\tdone <- true
}
";

#[test]
fn an_endless_execution_is_cut_at_the_step_bound_and_reported() {
    let path = scratch_file("spin.go", SPIN);
    let loom = loom_in_child(&path, &["--max-depth", "50", "--iterations", "500"]);
    remove_scratch(&path);
    assert!(!loom.exhaustive);
    assert!(loom.json["backend"]["cut"].as_u64().unwrap() > 0);
    assert_eq!(loom.kinds, ["ok"]);
    let report = check_text(
        "spin.go",
        SPIN,
        &shuttle(Scheduler::Random, 0, 200).max_depth(50),
    );
    assert_eq!(kind_names(&report), ["ok"]);
    assert_eq!(report.stopped_by, Some(StoppedBy::Iterations));
}

#[test]
fn shuttle_gives_the_same_report_for_the_same_seed() {
    let path = repository().join("scenarios/cmd-dist/before.go");
    let options = RenderOptions { timings: false };
    for scheduler in [Scheduler::Random, Scheduler::Pct { depth: 3 }] {
        let config = shuttle(scheduler, 7, 200);
        let first = render_text(&check_path(&path, &config), &options);
        let second = render_text(&check_path(&path, &config), &options);
        assert_eq!(first, second);
    }
}

#[test]
fn reports_name_their_engine() {
    let native = check_text("none.go", NO_SCHEDULING_POINT, &Config::new());
    assert_eq!(native.engine, Engine::Native);
    assert!(native.backend.is_none());
    let report = check_text(
        "none.go",
        NO_SCHEDULING_POINT,
        &shuttle(Scheduler::Random, 3, 5),
    );
    assert_eq!(report.engine, Engine::Shuttle);
    let backend = report.backend.expect("backend details");
    assert_eq!(backend.seed, Some(3));
    assert_eq!(backend.scheduler.as_deref(), Some("random"));
}

/// Found by the proptest generator: a program whose goroutines are never able to move at the
/// same time gave shuttle's PCT scheduler no scheduling decision, and PCT panicked ("test
/// closure did not exercise any concurrency"). The backend now gives it one.
const NEVER_TWO_AT_ONCE: &str = "\
package main

func main() {
\tgo func() {
\t}()
}
";

#[test]
fn regression_pct_runs_a_program_whose_goroutines_never_move_at_once() {
    let native = check_text("never.go", NEVER_TWO_AT_ONCE, &Config::new());
    let report = check_text(
        "never.go",
        NEVER_TWO_AT_ONCE,
        &shuttle(Scheduler::Pct { depth: 3 }, 0, 10),
    );
    engines_support::assert_sound("never.go", &report);
    assert_eq!(kind_names(&report), kind_names(&native));
    assert_eq!(report.backend.as_ref().unwrap().executions, 10);
}

/// Two goroutines increment a shared counter without a lock: in race mode, the race and the
/// lost update it allows (the model's panic) are both reachable.
const RACY_COUNTER: &str = include_str!("models/racy_counter.go");

/// Race mode on the backends: loom, which explores this program completely, reaches exactly
/// the native kinds (a race, the lost update's panic, ok); shuttle reaches only native ones
/// and finds the race; and a backend's race witness replays natively to the same race.
#[test]
fn the_backends_run_race_mode_and_find_the_race_and_the_lost_update() {
    let native = check_text("racy.go", RACY_COUNTER, &Config::new().races(true));
    assert_eq!(kind_names(&native), ["ok", "panic", "race"]);
    let path = scratch_file("racy.go", RACY_COUNTER);
    let loom = loom_in_child(&path, &["--races"]);
    remove_scratch(&path);
    assert!(loom.exhaustive, "{}", loom.json);
    assert_eq!(loom.kinds, kind_names(&native));
    for scheduler in [Scheduler::Random, Scheduler::Pct { depth: PCT_DEPTH }] {
        let report = check_text(
            "racy.go",
            RACY_COUNTER,
            &shuttle(scheduler, 0, 200).races(true),
        );
        assert_sound("racy.go", &report);
        assert_subset(
            "racy.go",
            "shuttle",
            &kind_names(&report),
            &kind_names(&native),
        );
        let race = report
            .outcome(gomc::explore::OutcomeKind::Race)
            .expect("shuttle finds the race");
        let details = race.witness.race.as_ref().expect("the race's accesses");
        assert_eq!(
            (
                details.first.location.as_str(),
                details.second.location.as_str()
            ),
            ("n", "n")
        );
    }
}
