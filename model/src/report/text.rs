//! The text rendering of a report: a first line that says what was found and whether that is a
//! proof, a section per violation with its schedule, trace and goroutine dump, one line per
//! other outcome, and the statistics.

use std::fmt::Write;

use super::trace_text::{render_dump, render_trace};
use super::{kind_list, OutcomeReport, RenderOptions, Report, Verdict, Witness};
use crate::explore::{OutcomeKind, SearchOrder, StateStore, StoppedBy};
use crate::semantics::{GoroutineStatus, GoroutineView};

/// Renders a report as text. With `options.timings` off the result depends only on the model
/// and the search settings, so that snapshots can pin it.
pub fn render_text(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    let headline = match (&report.backend, &report.swarm) {
        (Some(backend), _) => super::backend_text::headline(report, backend),
        (None, Some(swarm)) => super::swarm_text::headline(report, swarm),
        (None, None) => headline(report),
    };
    writeln!(out, "{}: {headline}", report.file).unwrap();
    if let Some(line) = expectation_line(report) {
        writeln!(out, "{line}").unwrap();
    }
    for warning in &report.warnings {
        writeln!(out, "vet: {warning}").unwrap();
    }
    for hint in &report.hints {
        writeln!(out, "hint: {hint}").unwrap();
    }
    for outcome in report.outcomes.iter().filter(|outcome| outcome.violation) {
        out.push('\n');
        violation(&mut out, report, outcome);
    }
    let others: Vec<_> = report
        .outcomes
        .iter()
        .filter(|outcome| !outcome.violation)
        .collect();
    if !others.is_empty() {
        out.push('\n');
        for outcome in others {
            let witness = &outcome.witness;
            writeln!(
                out,
                "{}: {} ({}; schedule: {})",
                outcome.kind.name(),
                outcome_count(report, outcome),
                witness_length(report, witness.steps),
                schedule_text(&witness.schedule),
            )
            .unwrap();
        }
    }
    if let Some(error) = &report.step_error {
        out.push('\n');
        writeln!(
            out,
            "step error: the checker could not take a step: {}",
            error.message
        )
        .unwrap();
        writeln!(out, "  schedule: {}", schedule_text(&error.schedule)).unwrap();
        section(
            &mut out,
            "trace (up to the failing step)",
            &render_trace(&error.trace),
        );
        section(&mut out, "goroutines", &render_dump(&error.goroutines));
    }
    out.push('\n');
    match (&report.backend, &report.swarm) {
        (Some(backend), _) => super::backend_text::statistics(&mut out, report, backend, options),
        (None, Some(swarm)) => super::swarm_text::statistics(&mut out, report, swarm, options),
        (None, None) => statistics(&mut out, report, options),
    }
    out
}

/// The line that compares the violations found with the header's expectation: `expected:
/// deadlock (as expected)`; `None` without an expectation.
pub(super) fn expectation_line(report: &Report) -> Option<String> {
    let expectation = report.expectation.as_ref()?;
    let expected = if expectation.kinds.is_empty() {
        "none".to_string()
    } else {
        kind_list(&expectation.kinds)
    };
    let judgement = match report.verdict {
        Verdict::Pass => "as expected".to_string(),
        Verdict::Incomplete => "not confirmed: the search was not exhaustive".to_string(),
        Verdict::Fail => {
            let found = if report.violations.is_empty() {
                "none".to_string()
            } else {
                kind_list(&report.violations)
            };
            format!("MISMATCH: found {found}")
        }
    };
    Some(format!("expected: {expected} ({judgement})"))
}

/// How often an outcome was reached: `3 states`, under loom and shuttle `3 executions,
/// first in execution 7`, in a swarm `reached by 3 jobs`.
fn outcome_count(report: &Report, outcome: &OutcomeReport) -> String {
    if report.swarm.is_some() {
        return format!(
            "reached by {} {}",
            outcome.count,
            plural(outcome.count, "job", "jobs")
        );
    }
    match (&report.backend, outcome.first_execution) {
        (Some(_), Some(first)) => format!(
            "{} {}, first in execution {first}",
            outcome.count,
            plural(outcome.count, "execution", "executions")
        ),
        _ => format!(
            "{} {}",
            outcome.count,
            plural(outcome.count, "state", "states")
        ),
    }
}

/// The first line: what was found, and whether the search proves anything.
fn headline(report: &Report) -> String {
    let states = report.statistics.states;
    let reached = report.outcomes.len();
    let found = kind_list(&report.violations);
    let bound = report.stopped_by.map_or("", StoppedBy::describe);
    match (report.violations.is_empty(), report.exhaustive) {
        (true, true) => format!(
            "no violation: every interleaving explored ({states} {}; outcomes: {})",
            plural(states, "state", "states"),
            if reached == 0 {
                "none".to_string()
            } else {
                kind_list(&report.kinds())
            }
        ),
        (true, false) => format!(
            "search NOT exhaustive: no violation found within {states} {}; the search was \
             stopped by {bound}, so this is not a proof",
            plural(states, "state", "states"),
        ),
        (false, true) => format!(
            "{found} ({} of {reached} outcome {} reached {} a violation; exhaustive search of \
             {states} {})",
            report.violations.len(),
            plural(reached as u64, "kind", "kinds"),
            if report.violations.len() == 1 {
                "is"
            } else {
                "are"
            },
            plural(states, "state", "states"),
        ),
        (false, false) => format!(
            "{found} found; the search was NOT exhaustive (stopped by {bound} after {states} {}), \
             so other violations may exist",
            plural(states, "state", "states"),
        ),
    }
}

/// The section of one violation: heading, schedule, trace, goroutine dump.
fn violation(out: &mut String, report: &Report, outcome: &OutcomeReport) {
    let witness = &outcome.witness;
    let length = witness_length(report, witness.steps);
    let distinct = if let Some(swarm) = &report.swarm {
        writeln!(
            out,
            "{} ({})",
            heading(report, outcome),
            super::swarm_text::found_by(swarm, outcome)
        )
        .unwrap();
        witness_body(out, witness);
        return;
    } else if report.backend.is_some() {
        outcome_count(report, outcome)
    } else {
        format!(
            "{} distinct {}",
            outcome.count,
            plural(outcome.count, "state", "states")
        )
    };
    let heading = heading(report, outcome);
    match witness.cycle_from {
        // A hang's witness is the way to a cycle among states that cannot end, then the cycle.
        Some(from) => writeln!(
            out,
            "{heading} ({} to a cycle of {}; {} {} cannot end)",
            steps(from - 1),
            steps(witness.steps + 1 - from),
            outcome.count,
            plural(outcome.count, "state", "states"),
        ),
        None => writeln!(out, "{heading} ({length}; {distinct})"),
    }
    .unwrap();
    witness_body(out, witness);
}

/// The heading of a violation without its counts: `deadlock: all goroutines are asleep`.
pub(super) fn heading(report: &Report, outcome: &OutcomeReport) -> String {
    let witness = &outcome.witness;
    let entry = report
        .entry
        .split_once('.')
        .map_or(&*report.entry, |(_, entry)| entry);
    match outcome.kind {
        OutcomeKind::Deadlock => "deadlock: all goroutines are asleep".to_string(),
        OutcomeKind::Leak => {
            let blocked = blocked_count(&witness.goroutines);
            format!(
                "goroutine leak: {blocked} {} still blocked after {entry} returned",
                plural(blocked as u64, "goroutine", "goroutines")
            )
        }
        OutcomeKind::Panic => match &witness.panic {
            Some(panic) => format!("panic: unrecovered panic in goroutine {}", panic.goroutine),
            None => "panic: unrecovered panic".to_string(),
        },
        OutcomeKind::Race => "data race: conflicting accesses with no happens-before order".into(),
        OutcomeKind::Fail => "fail: the test failed (t.Error, t.Fatal or t.Fail)".into(),
        OutcomeKind::Hang => {
            "hang: the program reaches states from which it can never finish".into()
        }
        OutcomeKind::Ok | OutcomeKind::Exit(_) => outcome.kind.name(),
    }
}

/// Schedule, trace and dump of a witness, indented under its heading.
fn witness_body(out: &mut String, witness: &Witness) {
    if let Some(panic) = &witness.panic {
        writeln!(out, "  {}", panic.message).unwrap();
    }
    if let Some(race) = &witness.race {
        writeln!(out, "  {race}").unwrap();
    }
    writeln!(out, "  schedule: {}", schedule_text(&witness.schedule)).unwrap();
    if let Some(from) = witness.cycle_from {
        writeln!(
            out,
            "  cycle: steps {from}-{} lead back to the state before step {from}, forever; no \
             schedule from that state reaches an end",
            witness.steps
        )
        .unwrap();
    }
    if let Some(error) = &witness.replay_error {
        writeln!(out, "  {error}").unwrap();
    }
    if !witness.initial_output.is_empty() {
        let printed: Vec<String> = witness
            .initial_output
            .iter()
            .map(|line| format!("{line:?}"))
            .collect();
        writeln!(
            out,
            "  output before step 1 (main, up to its first scheduling point): {}",
            printed.join(", ")
        )
        .unwrap();
    }
    section(out, "trace", &render_trace(&witness.trace));
    section(out, "goroutines", &render_dump(&witness.goroutines));
}

/// `  name:` and the body indented by four spaces (tabs inside kept, as Go prints them).
fn section(out: &mut String, name: &str, body: &str) {
    writeln!(out, "  {name}:").unwrap();
    if body.is_empty() {
        writeln!(out, "    (empty)").unwrap();
        return;
    }
    for line in body.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            writeln!(out, "    {line}").unwrap();
        }
    }
}

/// The statistics line's `outcomes: …` and `exhaustive: …` values, for every engine.
pub(super) fn outcome_counts(report: &Report) -> (String, String) {
    let outcomes = if report.outcomes.is_empty() {
        "none".to_string()
    } else {
        report
            .outcomes
            .iter()
            .map(|outcome| format!("{}: {}", outcome.kind.name(), outcome.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let exhaustive = match report.stopped_by {
        None => "yes".to_string(),
        Some(bound) => format!("no (stopped by {})", bound.describe()),
    };
    (outcomes, exhaustive)
}

fn statistics(out: &mut String, report: &Report, options: &RenderOptions) {
    let statistics = &report.statistics;
    let (outcomes, exhaustive) = outcome_counts(report);
    writeln!(
        out,
        "statistics: {} {}, {} {}, max depth {}; outcomes: {outcomes}; exhaustive: {exhaustive}; \
         reduction: {}{}",
        statistics.states,
        plural(statistics.states, "state", "states"),
        statistics.transitions,
        plural(statistics.transitions, "transition", "transitions"),
        statistics.max_depth,
        report.search.reduction.names(),
        store_note(report.search.store, statistics.missed_states),
    )
    .unwrap();
    if options.timings {
        time_line(out, statistics);
    }
}

/// What the statistics line says of a store other than the exact one: its kind and size, and
/// how many states it is expected to have missed.
fn store_note(store: StateStore, missed: Option<f64>) -> String {
    let missed = missed.unwrap_or(0.0);
    match store {
        StateStore::Exact => String::new(),
        StateStore::HashCompact => format!(
            "; store: hash-compact (64-bit fingerprints), expected states missed {missed:.1e}"
        ),
        StateStore::Bitstate { bytes } => format!(
            "; store: bitstate ({}, 3 bits a state), expected states missed {missed:.1e}, \
             hangs not looked for",
            size(bytes)
        ),
    }
}

/// A byte count in the unit `--bitstate` and `--max-memory` take it in.
fn size(bytes: u64) -> String {
    match bytes.trailing_zeros() {
        30.. => format!("{}G", bytes >> 30),
        20.. => format!("{}M", bytes >> 20),
        10.. => format!("{}K", bytes >> 10),
        _ => format!("{bytes} bytes"),
    }
}

/// The `time:` line: elapsed time and rate, the bytes per state the visited set and the state
/// graph hold (when known), and the real memory per state: everything the process holds, over
/// the states.
pub(super) fn time_line(out: &mut String, statistics: &super::ReportStatistics) {
    let Some(seconds) = statistics.elapsed_seconds else {
        return;
    };
    let rate = statistics.states_per_second.unwrap_or(if seconds > 0.0 {
        statistics.states as f64 / seconds
    } else {
        0.0
    });
    write!(out, "time: {seconds:.2} s, {rate:.0} states/s").unwrap();
    if let Some(stored) = statistics.bytes_per_state {
        write!(out, ", {stored:.1} bytes/state stored").unwrap();
    }
    if let Some(peak) = statistics.peak_memory_bytes {
        write!(
            out,
            "; peak memory {:.1} MB, {:.0} bytes/state",
            peak as f64 / (1 << 20) as f64,
            peak as f64 / statistics.states.max(1) as f64
        )
        .unwrap();
    }
    writeln!(out).unwrap();
}

fn blocked_count(goroutines: &[GoroutineView]) -> usize {
    goroutines
        .iter()
        .filter(|goroutine| matches!(goroutine.status, GoroutineStatus::Waiting(_)))
        .count()
}

fn schedule_text(schedule: &str) -> &str {
    if schedule.is_empty() {
        "(empty: the initial state)"
    } else {
        schedule
    }
}

/// `shortest: 3 steps` under breadth-first search, `first found: 3 steps` under depth-first,
/// `shortest found: 3 steps` under loom and shuttle.
fn witness_length(report: &Report, count: usize) -> String {
    if report.backend.is_some() || report.swarm.is_some() {
        return format!("shortest found: {}", steps(count));
    }
    match report.search.order {
        SearchOrder::Bfs => format!("shortest: {}", steps(count)),
        SearchOrder::Dfs => format!("first found: {}", steps(count)),
    }
}

pub(super) fn steps(count: usize) -> String {
    format!("{count} {}", plural(count as u64, "step", "steps"))
}

pub(super) fn plural<'a>(count: u64, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}
