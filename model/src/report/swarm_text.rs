//! The parts of the text rendering that differ for a swarm report (`gomc check --swarm N`): a
//! first line that never reads like a proof, which job found each witness, and a coverage
//! table with one row per job.

use std::fmt::Write;

use super::swarm::{job_ranges, SwarmReport};
use super::text::{plural, steps};
use super::{kind_list, OutcomeReport, RenderOptions, Report};
use crate::explore::{JobEnd, StoppedBy};

fn jobs(count: u64) -> String {
    format!("{count} {}", plural(count, "job", "jobs"))
}

/// `16 jobs` when every job of the list ran, else `4 of 16 jobs (3,7-9)`.
fn ran(swarm: &SwarmReport) -> String {
    let runs: Vec<u32> = swarm
        .runs
        .iter()
        .filter(|run| run.ended != JobEnd::NotRun)
        .map(|run| run.job)
        .collect();
    if runs.len() as u64 == u64::from(swarm.jobs) {
        jobs(runs.len() as u64)
    } else {
        format!(
            "{} of {} ({})",
            runs.len(),
            jobs(u64::from(swarm.jobs)),
            if runs.is_empty() {
                "none".to_string()
            } else {
                job_ranges(&runs)
            }
        )
    }
}

/// The first line of a swarm report.
pub(super) fn headline(report: &Report, swarm: &SwarmReport) -> String {
    let states = report.statistics.states;
    let why = match report.stopped_by {
        Some(StoppedBy::Swarm) | None => String::new(),
        Some(bound) => format!("; the swarm was stopped by {}", bound.describe()),
    };
    if report.violations.is_empty() {
        format!(
            "no violation found by a swarm search of {} ({states} {} in all){why}; NOT \
             exhaustive: a swarm of bounded searches is not a proof",
            ran(swarm),
            plural(states, "state", "states"),
        )
    } else {
        format!(
            "{} found by a swarm search of {}{why}; NOT exhaustive, so other violations may \
             exist",
            kind_list(&report.violations),
            ran(swarm),
        )
    }
}

/// The job whose witness of `outcome` the report shows: the shortest, the lower number on a
/// tie (as the merge chose it).
fn witness_job(swarm: &SwarmReport, outcome: &OutcomeReport) -> Option<u32> {
    let name = outcome.kind.name();
    swarm
        .runs
        .iter()
        .filter_map(|run| {
            let found = run.outcomes.iter().find(|found| found.kind == name)?;
            let length = found.schedule.split(',').filter(|s| !s.is_empty()).count();
            Some((length, run.job))
        })
        .min()
        .map(|(_, job)| job)
}

/// How an outcome was found: `shortest found: 16 steps, by job 3; reached by 5 jobs`.
pub(super) fn found_by(swarm: &SwarmReport, outcome: &OutcomeReport) -> String {
    let by = witness_job(swarm, outcome).map_or(String::new(), |job| format!(", by job {job}"));
    format!(
        "shortest found: {}{by}; reached by {}",
        steps(outcome.witness.steps),
        jobs(outcome.count)
    )
}

/// The statistics lines and the coverage table of a swarm report.
pub(super) fn statistics(
    out: &mut String,
    report: &Report,
    swarm: &SwarmReport,
    options: &RenderOptions,
) {
    let statistics = &report.statistics;
    let (outcomes, exhaustive) = super::text::outcome_counts(report);
    let depth = match swarm.max_depth {
        Some(cap) => format!("depth bounds up to {cap}"),
        None => "depth bounds 32 to 1024".to_string(),
    };
    writeln!(
        out,
        "statistics: swarm of {} (seed {}, at most {} states each, {depth}), {} {}, {} {}, \
         max depth {}; outcomes (jobs reaching each): {outcomes}; exhaustive: {exhaustive}; \
         reduction: {}",
        ran(swarm),
        swarm.seed,
        swarm.job_states,
        statistics.states,
        plural(statistics.states, "state", "states"),
        statistics.transitions,
        plural(statistics.transitions, "transition", "transitions"),
        statistics.max_depth,
        report.search.reduction.names(),
    )
    .unwrap();
    if options.timings {
        super::text::time_line(out, statistics);
    }
    coverage(out, swarm, options);
}

/// One row per job: its seed, order, depth bound, what it covered and what ended it.
fn coverage(out: &mut String, swarm: &SwarmReport, options: &RenderOptions) {
    let mut rows = vec![[
        "job".to_string(),
        "seed".to_string(),
        "order".to_string(),
        "depth bound".to_string(),
        "states".to_string(),
        "max depth".to_string(),
        "ended".to_string(),
    ]];
    for run in &swarm.runs {
        let ended = match (
            run.ended,
            run.outcomes.iter().find(|found| is_violation(found)),
        ) {
            (JobEnd::Violation, Some(found)) => format!(
                "{} ({})",
                found.kind,
                steps(found.schedule.split(',').filter(|s| !s.is_empty()).count())
            ),
            (end, _) => end.describe().to_string(),
        };
        let mut ended = ended;
        if options.timings {
            if let Some(seconds) = run.seconds {
                write!(ended, ", {seconds:.2} s").unwrap();
            }
        }
        rows.push([
            run.job.to_string(),
            format!("{:016x}", run.seed),
            if run.shuffled { "shuffled" } else { "model" }.to_string(),
            run.depth_bound.to_string(),
            run.states.to_string(),
            run.max_depth.to_string(),
            ended,
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|column| rows.iter().map(|row| row[column].len()).max().unwrap_or(0))
        .collect();
    writeln!(out, "jobs:").unwrap();
    for row in &rows {
        let mut line = String::from(" ");
        for (column, cell) in row.iter().enumerate() {
            // Numbers right-aligned, words left-aligned.
            if matches!(column, 0 | 3 | 4 | 5) {
                write!(line, " {cell:>width$}", width = widths[column]).unwrap();
            } else {
                write!(line, " {cell:<width$}", width = widths[column]).unwrap();
            }
        }
        writeln!(out, "{}", line.trim_end()).unwrap();
    }
}

fn is_violation(found: &super::swarm::JobOutcome) -> bool {
    !(found.kind == "ok" || found.kind.starts_with("exit("))
}
