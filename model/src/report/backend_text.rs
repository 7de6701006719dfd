//! The parts of the text rendering that differ for loom and shuttle reports: the first line,
//! which never reads like a proof unless loom explored everything, and the statistics, which
//! count executions instead of states.

use std::fmt::Write;

use super::text::{plural, steps};
use super::{kind_list, RenderOptions, Report};
use crate::backends::BackendReport;
use crate::explore::StoppedBy;

/// `loom` or `shuttle (random, seed 0)`.
fn engine(report: &Report, backend: &BackendReport) -> String {
    match (&backend.scheduler, backend.seed) {
        (Some(scheduler), Some(seed)) => {
            format!("{} ({scheduler}, seed {seed})", report.engine.name())
        }
        _ => match backend.preemption_bound {
            Some(bound) => format!("{} (preemption bound {bound})", report.engine.name()),
            None => report.engine.name().to_string(),
        },
    }
}

fn executions(count: u64) -> String {
    format!("{count} {}", plural(count, "execution", "executions"))
}

/// The first line of a loom or shuttle report.
pub(super) fn headline(report: &Report, backend: &BackendReport) -> String {
    let engine = engine(report, backend);
    if let Some(reason) = &backend.skipped {
        return reason.clone();
    }
    if let Some(failure) = &backend.failure {
        return format!("{engine} could not run the model: {failure}");
    }
    let runs = executions(backend.executions);
    let reached = report.outcomes.len();
    let found = kind_list(&report.violations);
    let bound = report.stopped_by.map_or("", StoppedBy::describe);
    let first = report
        .outcomes
        .iter()
        .filter(|outcome| outcome.violation)
        .filter_map(|outcome| outcome.first_execution)
        .min()
        .unwrap_or(0);
    match (report.violations.is_empty(), report.exhaustive) {
        (true, true) => format!(
            "no violation: {engine} explored every interleaving and data choice ({runs}; \
             outcomes: {})",
            if reached == 0 {
                "none".to_string()
            } else {
                kind_list(&report.kinds())
            }
        ),
        (true, false) if backend.cut > 0 => format!(
            "no violation found by {engine} in {runs}; stopped by {bound}, so this is not a \
             proof ({} cut at {}: a run that never ends may be a hang, which only the native \
             engine decides)",
            executions(backend.cut),
            steps(backend.max_steps as usize)
        ),
        (true, false) => format!(
            "no violation found by {engine} in {runs}; stopped by {bound}, so this is not a \
             proof"
        ),
        (false, true) => format!(
            "{found} ({} of {reached} outcome {} reached {} a violation; {engine} explored \
             every interleaving and data choice in {runs})",
            report.violations.len(),
            plural(reached as u64, "kind", "kinds"),
            if report.violations.len() == 1 {
                "is"
            } else {
                "are"
            },
        ),
        (false, false) => format!(
            "{found} found by {engine} (first in execution {first} of {}); NOT exhaustive \
             (stopped by {bound}), so other violations may exist",
            backend.executions
        ),
    }
}

/// The statistics lines of a loom or shuttle report.
pub(super) fn statistics(
    out: &mut String,
    report: &Report,
    backend: &BackendReport,
    options: &RenderOptions,
) {
    let statistics = &report.statistics;
    let (outcomes, exhaustive) = super::text::outcome_counts(report);
    let vectors = match backend.vectors {
        Some(vectors) => format!(
            " ({vectors} choice {})",
            plural(vectors, "vector", "vectors")
        ),
        None => String::new(),
    };
    let cut = if backend.cut > 0 {
        format!(
            ", {} cut at {}",
            executions(backend.cut),
            steps(backend.max_steps as usize)
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "statistics: {}, {}{vectors}, {} {}, longest {}{cut}; outcomes: {outcomes}; \
         exhaustive: {exhaustive}",
        engine(report, backend),
        executions(backend.executions),
        statistics.transitions,
        plural(statistics.transitions, "step", "steps"),
        steps(statistics.max_depth as usize),
    )
    .unwrap();
    if options.timings {
        if let Some(seconds) = statistics.elapsed_seconds {
            let rate = if seconds > 0.0 {
                backend.executions as f64 / seconds
            } else {
                0.0
            };
            writeln!(out, "time: {seconds:.2} s, {rate:.0} executions/s").unwrap();
        }
    }
}
