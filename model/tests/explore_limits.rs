//! The limits that end a search honestly (`--stop-at-first`, `--time-limit`, `--max-memory`),
//! on an unbounded hand-made state machine and on an unbounded Go model.

mod explore_support;

use std::cell::Cell;
use std::time::Duration;

use explore_support::Endless;

use gomc::explore::{
    explore, Fingerprint, MemoryLimit, Model, OutcomeKind, SearchOptions, SearchOrder, StateStatus,
    StepError, StoppedBy,
};

/// States 0, 1, 2, … for ever: state n moves to n + 1 and to 1000 + n, which ends in a
/// deadlock when n is `deadlock_from` or more (and in `ok` otherwise).
struct Unbounded {
    deadlock_from: u64,
}

impl Model for Unbounded {
    type State = u64;
    type Choice = u64;
    // The states are small values: the frontier holds them as they are.
    type Packed = u64;

    fn pack(&self, state: u64, _compact: bool) -> u64 {
        state
    }

    fn unpack(&self, packed: u64) -> u64 {
        packed
    }

    fn initial(&self) -> Result<u64, StepError> {
        Ok(0)
    }

    fn choices(&self, state: &u64, out: &mut Vec<u64>) {
        if *state < 1 << 40 {
            out.extend([state + 1, (1 << 40) + state]);
        }
    }

    fn step(&self, _state: &u64, choice: u64) -> Result<u64, StepError> {
        Ok(choice)
    }

    fn fingerprint(&self, state: &u64) -> Fingerprint {
        u128::from(*state).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
    }

    fn status(&self, state: &u64) -> StateStatus {
        match state.checked_sub(1 << 40) {
            Some(n) if n >= self.deadlock_from => StateStatus::Ended(OutcomeKind::Deadlock),
            Some(_) => StateStatus::Ended(OutcomeKind::Ok),
            None => StateStatus::Running,
        }
    }
}

#[test]
fn stop_at_first_ends_an_unbounded_search_at_the_first_violation() {
    let model = Unbounded { deadlock_from: 3 };
    let options = SearchOptions {
        stop_at_first: true,
        ..SearchOptions::default()
    };
    let result = explore(&model, options);
    assert_eq!(result.stopped_by, Some(StoppedBy::FirstViolation));
    assert!(!result.exhaustive);
    // Breadth-first: the deadlock from state 3 is the shortest, 4 steps (0→1→2→3→deadlock).
    let deadlock = &result.outcomes[&OutcomeKind::Deadlock];
    assert_eq!(deadlock.witness, vec![1, 2, 3, (1 << 40) + 3]);
    // Discovered by then: states 0..=4 and the ends of 0..=3.
    assert_eq!(result.statistics.states, 9);
}

#[test]
fn a_time_limit_ends_an_unbounded_search() {
    let options = SearchOptions {
        time_limit: Some(Duration::ZERO),
        ..SearchOptions::default()
    };
    let result = explore(
        &Unbounded {
            deadlock_from: u64::MAX,
        },
        options,
    );
    assert_eq!(result.stopped_by, Some(StoppedBy::TimeLimit));
    assert!(!result.exhaustive);
    assert!(!result.outcomes.contains_key(&OutcomeKind::Hang));
}

#[test]
fn a_time_limit_ends_a_search_whose_frontier_keeps_growing() {
    // The limit once only skipped the state in hand, and the search went on with the rest of
    // the frontier; it must end the search, in either order.
    for order in [SearchOrder::Bfs, SearchOrder::Dfs] {
        let options = SearchOptions {
            order,
            time_limit: Some(Duration::from_millis(200)),
            ..SearchOptions::default()
        };
        let started = std::time::Instant::now();
        let result = explore(&Endless, options);
        assert_eq!(result.stopped_by, Some(StoppedBy::TimeLimit), "{order:?}");
        assert!(started.elapsed() < Duration::from_secs(20), "{order:?}");
    }
}

#[test]
fn a_memory_limit_ends_the_search_when_the_measure_passes_it() {
    // A measure that grows with every look: the limit is passed at the third look, which comes
    // after 3 × 1024 expansions.
    let looks = Cell::new(0u64);
    let measure = || {
        looks.set(looks.get() + 1);
        Some(looks.get() * 100)
    };
    let options = SearchOptions {
        memory_limit: Some(MemoryLimit {
            bytes: 250,
            measure: &measure,
        }),
        ..SearchOptions::default()
    };
    let result = explore(
        &Unbounded {
            deadlock_from: u64::MAX,
        },
        options,
    );
    assert_eq!(result.stopped_by, Some(StoppedBy::MaxMemory));
    assert_eq!(looks.get(), 3);
    // Each expansion of state n discovers n + 1 and an end: 2 states an expansion.
    assert_eq!(result.statistics.states, 1 + 2 * 3 * 1024 - 2);
}

#[test]
fn a_measure_that_cannot_read_memory_does_not_stop_the_search() {
    let options = SearchOptions {
        memory_limit: Some(MemoryLimit {
            bytes: 0,
            measure: &|| None,
        }),
        max_states: Some(10_000),
        ..SearchOptions::default()
    };
    let result = explore(
        &Unbounded {
            deadlock_from: u64::MAX,
        },
        options,
    );
    assert_eq!(result.stopped_by, Some(StoppedBy::MaxStates));
}

/// A watch loop that counts its ticks for ever, and a worker whose result makes main send on a
/// nil channel: a deadlock a few steps deep in an unbounded state space.
const WATCH_LOOP: &str = "\
package main

import \"time\"

func main() {
\tticks := 0
\tresults := make(chan int)
\tgo func() {
\t\tresults <- 1
\t}()
\tfor {
\t\tselect {
\t\tcase <-time.After(time.Second):
\t\t\tticks++
\t\tcase <-results:
\t\t\tvar never chan int
\t\t\tnever <- ticks
\t\t}
\t}
}
";

#[test]
fn stop_at_first_reports_the_deadlock_of_an_unbounded_go_model() {
    let config = gomc::Config::new().stop_at_first(true);
    let report = gomc::check_source("watch.go", WATCH_LOOP, &config).unwrap();
    assert_eq!(report.stopped_by, Some(StoppedBy::FirstViolation));
    assert_eq!(report.violations, [OutcomeKind::Deadlock]);
    let text = gomc::render_text(&report, &gomc::RenderOptions::default());
    assert!(text.contains("stopped by --stop-at-first"), "{text}");
}

#[test]
fn the_command_line_stops_an_unbounded_model_at_its_memory_limit() {
    let directory = std::env::temp_dir().join(format!("gomc-limits-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let path = directory.join("watch.go");
    std::fs::write(
        &path,
        WATCH_LOOP.replace(
            "\t\t\tvar never chan int\n\t\t\tnever <- ticks\n",
            "\t\t\tticks--\n",
        ),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gomc"))
        .args(["check", "--no-timings", "--max-memory", "1M"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&directory).ok();
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{text}");
    assert!(text.contains("stopped by --max-memory"), "{text}");
}

#[test]
fn the_progress_callback_announces_the_first_violation_found() {
    // Every state n ≥ 0 has a deadlocked successor: by the first progress call (2¹⁶ states,
    // half of them deadlocks) the first violation is known and counted.
    let seen = Cell::new(None);
    let mut record = |progress: &gomc::explore::Progress| {
        if seen.get().is_none() {
            seen.set(Some((progress.first_violation, progress.violations)));
        }
    };
    let options = SearchOptions {
        progress: Some(&mut record),
        max_states: Some(1 << 17),
        ..SearchOptions::default()
    };
    explore(&Unbounded { deadlock_from: 0 }, options);
    let (first, count) = seen.get().expect("a progress call");
    assert_eq!(first, Some(OutcomeKind::Deadlock));
    assert!(count >= (1 << 15) - 1, "{count}");
}

/// A search stopped deep in an unbounded space says what that suggests (`report/hints.rs`):
/// the loop's counter grows with every tick, and ticks come from a ticker, so the hint names
/// the synctest clock too. A search stopped early in a bounded space gets no hint.
#[test]
fn a_search_stopped_deep_in_an_unbounded_model_says_so() {
    let endless = "package main\n\nimport \"time\"\n\nfunc main() {\n\tticker := \
                   time.NewTicker(time.Second)\n\tticks := 0\n\tfor range ticker.C {\n\t\t\
                   ticks++\n\t}\n}\n";
    let config = gomc::Config::new().max_states(25_000);
    let report = gomc::check_source("ticks.go", endless, &config).unwrap();
    assert_eq!(report.stopped_by, Some(StoppedBy::MaxStates));
    assert!(
        report.statistics.max_depth >= 10_000,
        "{:?}",
        report.statistics
    );
    assert_eq!(report.hints.len(), 2, "{:?}", report.hints);
    assert!(
        report.hints[0].contains("probably unbounded"),
        "{:?}",
        report.hints
    );
    assert!(
        report.hints[1].contains("--clock synctest"),
        "{:?}",
        report.hints
    );
    let text = gomc::render_text(&report, &gomc::RenderOptions::default());
    assert!(text.contains("\nhint: the search went"), "{text}");

    let bounded = "package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tfor i := 0; i < 8; \
                   i++ {\n\t\tgo func() { done <- true }()\n\t}\n\tfor i := 0; i < 8; i++ {\n\t\t\
                   <-done\n\t}\n}\n";
    let config = gomc::Config::new().max_states(20);
    let report = gomc::check_source("bounded.go", bounded, &config).unwrap();
    assert_eq!(report.stopped_by, Some(StoppedBy::MaxStates));
    assert!(report.hints.is_empty(), "{:?}", report.hints);
}
