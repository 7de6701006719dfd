//! The swarm part of a report (`gomc check --swarm N`): the swarm's settings, what each job
//! covered and found, and enough to rebuild the report from JSON (`gomc swarm-merge`). The
//! report itself (witnesses replayed, trace, goroutine dump) is built by [`build_report`] from
//! the merged exploration, as every native report is; only the job records are swarm's own.

use serde::{Deserialize, Serialize};

use super::{build_report, format_choice, format_schedule, Report, Schedule, SearchSettings};
use crate::explore::{
    merge_jobs, Found, JobEnd, JobRun, JobSettings, OutcomeKind, SearchOrder, Statistics,
    StepError, StepFailure, StoppedBy, SwarmPlan,
};
use crate::semantics::{Choice, Machine};

/// A swarm's settings and the record of each job it ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SwarmReport {
    /// The length of the job list (`--swarm N`).
    pub jobs: u32,
    /// The swarm's seed (`--seed`).
    pub seed: u64,
    /// Distinct states each job may store (`--max-states`).
    pub job_states: u64,
    /// The cap on the jobs' depth bounds (`--max-depth`).
    pub max_depth: Option<u32>,
    /// Whether the swarm ended at the first violation a job found.
    pub stop_at_first: bool,
    /// What the model was compiled with besides its header, so that `gomc swarm-merge` can
    /// compile it the same way.
    pub model: SwarmModel,
    /// One record per job run here (selected by `--swarm-jobs`, or every job), by job number.
    pub runs: Vec<JobReport>,
}

/// The command-line settings that change what the model is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwarmModel {
    /// `--entry`.
    pub entry: Option<String>,
    /// `--set NAME=VALUE`, in order.
    pub set: Vec<(String, String)>,
    /// `--races`.
    pub races: bool,
    /// `--clock`: `untimed` or `synctest`.
    pub clock: Option<String>,
    /// `--reduction`: whether symmetric states are merged.
    pub symmetry: bool,
}

/// What one job covered and found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobReport {
    /// Its number in the job list.
    pub job: u32,
    /// The seed of its successor shuffle.
    pub seed: u64,
    /// Whether it shuffled successors (job 0 does not).
    pub shuffled: bool,
    /// Its depth bound.
    pub depth_bound: u32,
    /// How it ended.
    pub ended: JobEnd,
    /// Distinct states it stored.
    pub states: u64,
    /// Transitions it took.
    pub transitions: u64,
    /// The greatest depth it reached.
    pub max_depth: u32,
    /// Running states it left unexpanded at its depth bound.
    pub depth_cut: u64,
    /// Its wall-clock seconds; left out without timings.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub seconds: Option<f64>,
    /// Each outcome kind it reached: distinct states of the kind and its first witness.
    pub outcomes: Vec<JobOutcome>,
    /// The step it could not take, if one ended it.
    pub step_error: Option<JobStepError>,
}

/// One outcome kind a job reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobOutcome {
    /// `ok`, `exit(2)`, `deadlock`, ...
    pub kind: String,
    /// Distinct states of this kind the job met.
    pub count: u64,
    /// The job's first witness of it.
    pub schedule: String,
    /// For a hang, the number of the witness's first step on the cycle.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cycle_from: Option<usize>,
}

/// The step a job could not take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobStepError {
    /// The model's error.
    pub message: String,
    /// The schedule to the state where the step failed.
    pub schedule: String,
    /// The choice that failed.
    pub choice: Option<String>,
}

impl JobReport {
    /// The record of a run.
    pub fn of(run: &JobRun<Choice>) -> JobReport {
        let statistics = &run.statistics;
        JobReport {
            job: run.job.index,
            seed: run.job.seed,
            shuffled: run.job.shuffled,
            depth_bound: run.job.depth_bound,
            ended: run.end,
            states: statistics.states,
            transitions: statistics.transitions,
            max_depth: statistics.max_depth,
            depth_cut: statistics.depth_cut,
            seconds: Some(statistics.elapsed.as_secs_f64()),
            outcomes: run
                .outcomes
                .iter()
                .map(|(kind, found)| JobOutcome {
                    kind: kind.name(),
                    count: found.count,
                    schedule: format_schedule(&found.witness),
                    cycle_from: found.cycle_start.map(|start| start + 1),
                })
                .collect(),
            step_error: run.step_error.as_ref().map(|failure| JobStepError {
                message: failure.error.message.clone(),
                schedule: format_schedule(&failure.witness),
                choice: failure.choice.map(format_choice),
            }),
        }
    }

    /// The run this record describes, or what in it does not parse.
    pub fn run(&self) -> Result<JobRun<Choice>, String> {
        let schedule = |text: &str| {
            Schedule::parse(text)
                .map(|schedule| schedule.0)
                .map_err(|error| format!("job {}: schedule `{text}`: {error}", self.job))
        };
        let mut outcomes = std::collections::BTreeMap::new();
        for outcome in &self.outcomes {
            let kind = kind_named(&outcome.kind)
                .ok_or_else(|| format!("job {}: unknown outcome `{}`", self.job, outcome.kind))?;
            let found = Found {
                count: outcome.count,
                witness: schedule(&outcome.schedule)?,
                cycle_start: outcome.cycle_from.map(|from| from.saturating_sub(1)),
            };
            outcomes.insert(kind, found);
        }
        let step_error = match &self.step_error {
            None => None,
            Some(error) => Some(StepFailure {
                error: StepError {
                    message: error.message.clone(),
                },
                witness: schedule(&error.schedule)?,
                choice: match &error.choice {
                    Some(choice) => schedule(choice)?.first().copied(),
                    None => None,
                },
            }),
        };
        Ok(JobRun {
            job: JobSettings {
                index: self.job,
                seed: self.seed,
                shuffled: self.shuffled,
                depth_bound: self.depth_bound,
            },
            end: self.ended,
            statistics: Statistics {
                states: self.states,
                transitions: self.transitions,
                max_depth: self.max_depth,
                depth_cut: self.depth_cut,
                visited_bytes: 0,
                elapsed: std::time::Duration::from_secs_f64(self.seconds.unwrap_or(0.0).max(0.0)),
                missed_states: 0.0,
            },
            outcomes,
            step_error,
        })
    }
}

/// The outcome kind a report names (`ok`, `exit(2)`, `deadlock`, ...).
fn kind_named(name: &str) -> Option<OutcomeKind> {
    if let Some(code) = name
        .strip_prefix("exit(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return code.parse().ok().map(OutcomeKind::Exit);
    }
    [
        OutcomeKind::Ok,
        OutcomeKind::Deadlock,
        OutcomeKind::Leak,
        OutcomeKind::Panic,
        OutcomeKind::Fail,
        OutcomeKind::Race,
        OutcomeKind::Hang,
    ]
    .into_iter()
    .find(|kind| kind.name() == name)
}

/// The report of a swarm's runs over `machine`'s program: the merged exploration's report
/// ([`build_report`]: witnesses replayed), with the swarm's record attached. The same runs give
/// the same report, whether they come from one process or from the JSON of several.
pub fn build_swarm_report(
    file: &str,
    machine: &Machine<'_>,
    plan: &SwarmPlan,
    model: SwarmModel,
    runs: &[JobRun<Choice>],
    (stopped_by, elapsed): (Option<StoppedBy>, std::time::Duration),
    expected: Option<Vec<OutcomeKind>>,
) -> Report {
    let exploration = merge_jobs(runs, stopped_by, elapsed);
    let search = SearchSettings {
        order: SearchOrder::Dfs,
        max_states: Some(plan.job_states),
        max_depth: plan.max_depth,
        reduction: crate::semantics::Reduction {
            symmetry: model.symmetry,
        },
        store: crate::explore::StateStore::Exact,
    };
    let mut report = build_report(file, machine, &exploration, search, expected);
    let mut records: Vec<JobReport> = runs.iter().map(JobReport::of).collect();
    records.sort_by_key(|record| record.job);
    report.swarm = Some(SwarmReport {
        jobs: plan.jobs,
        seed: plan.seed,
        job_states: plan.job_states,
        max_depth: plan.max_depth,
        stop_at_first: plan.stop_at_first,
        model,
        runs: records,
    });
    report
}

impl SwarmReport {
    /// The plan these runs were made with, for all of the jobs they ran.
    pub fn plan(&self) -> SwarmPlan {
        SwarmPlan {
            jobs: self.jobs,
            seed: self.seed,
            selected: self.runs.iter().map(|run| run.job).collect(),
            job_states: self.job_states,
            max_depth: self.max_depth,
            stop_at_first: self.stop_at_first,
        }
    }

    /// Job numbers of the list that no record covers, as `3,7-9`; empty when all are.
    pub fn missing_jobs(&self) -> String {
        let ran: std::collections::BTreeSet<u32> = self.runs.iter().map(|run| run.job).collect();
        let missing: Vec<u32> = (0..self.jobs).filter(|job| !ran.contains(job)).collect();
        job_ranges(&missing)
    }
}

/// Ascending job numbers written as ranges: `0,3,7-9`.
pub fn job_ranges(jobs: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < jobs.len() {
        let start = jobs[index];
        let mut end = start;
        while index + 1 < jobs.len() && jobs[index + 1] == end + 1 {
            index += 1;
            end += 1;
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        index += 1;
    }
    parts.join(",")
}
