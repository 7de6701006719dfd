//! Swarm search: many small, diversified, bounded depth-first searches instead of one
//! exhaustive one, in the spirit of SPIN's swarm verification (Holzmann, Joshi and Groce,
//! "Swarm Verification Techniques", IEEE TSE 2011). Each search ("job") is the one search loop
//! of `search.rs` with a depth-first frontier, a state budget (`max_states`), a depth bound and
//! a seeded shuffle of each state's successors, and it ends at its first violation. Different
//! jobs follow different orders to different depths, so together they reach far more of a state
//! space too large to exhaust than one search with the same memory would, and the first to
//! reach a bug ends with a replayable witness.
//!
//! Job `i` of a swarm is fully determined by `(i, seed)` ([`JobSettings::of`]): which jobs run
//! on which thread, or on which machine (`SwarmPlan::selected`), never changes what a job
//! finds, so the merged result is the same for every thread count and every split of the job
//! list. This file runs the jobs; `swarm_merge.rs` merges their results.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::expand::{expand_one, Expanded};
use super::result::{Found, Progress, Statistics, StepFailure, StoppedBy};
use super::search::{search, MemoryLimit, Pending, SearchOptions};
use super::visited::Visited;
use super::{Model, OutcomeKind};

/// Distinct states one job may store when the caller sets no budget: a few megabytes a job.
pub const DEFAULT_JOB_STATES: u64 = 100_000;

/// The depth bounds jobs cycle through (job `i` takes entry `i % 6`), capped by the swarm's
/// `max_depth`: shallow jobs search near the initial state thoroughly and their witnesses are
/// short; deep ones reach bugs far from it.
const DEPTH_BOUNDS: [u32; 6] = [32, 64, 128, 256, 512, 1024];

/// Which jobs of a swarm to run, and with what shared bounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwarmPlan {
    /// The length of the job list: jobs are numbered `0..jobs`.
    pub jobs: u32,
    /// The swarm's seed, from which each job's own seed is drawn.
    pub seed: u64,
    /// The jobs to run here, in increasing order (all of `0..jobs`, or a share of them when the
    /// list is split over machines).
    pub selected: Vec<u32>,
    /// Distinct states each job may store.
    pub job_states: u64,
    /// A cap on every job's depth bound.
    pub max_depth: Option<u32>,
    /// End the whole swarm once any job has found a violation (the jobs that run then depend on
    /// timing, unless one thread runs them).
    pub stop_at_first: bool,
}

/// What makes job `index` of a swarm differ from the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobSettings {
    /// Its number in the job list.
    pub index: u32,
    /// The seed of its successor shuffle.
    pub seed: u64,
    /// Whether it shuffles successors; job 0 takes them in the model's own order.
    pub shuffled: bool,
    /// It does not expand states this many steps deep.
    pub depth_bound: u32,
}

impl JobSettings {
    /// The settings of job `index` of a swarm seeded with `seed`, its depth bound capped at
    /// `max_depth`.
    pub fn of(index: u32, seed: u64, max_depth: Option<u32>) -> JobSettings {
        let mut mixer = seed ^ u64::from(index).wrapping_mul(0xD1B5_4A32_D192_ED03);
        let depth = DEPTH_BOUNDS[index as usize % DEPTH_BOUNDS.len()];
        JobSettings {
            index,
            seed: split_mix(&mut mixer),
            shuffled: index != 0,
            depth_bound: max_depth.map_or(depth, |cap| depth.min(cap)),
        }
    }
}

/// How a job ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JobEnd {
    /// It found a violation (its first).
    Violation,
    /// It stored its budget of states.
    Budget,
    /// It expanded every state it reached above its depth bound.
    DepthBound,
    /// It expanded every reachable state: nothing was left, even below its depth bound.
    Exhausted,
    /// The swarm's `--time-limit` ran out.
    TimeLimit,
    /// The process held more memory than `--max-memory`.
    MaxMemory,
    /// Ctrl-C.
    Cancelled,
    /// A step the model could not take.
    StepError,
    /// Another job found a violation first (`--stop-at-first`).
    Stopped,
    /// It never started: the swarm had stopped before its turn.
    NotRun,
}

impl JobEnd {
    /// In words, for the coverage table.
    pub fn describe(self) -> &'static str {
        match self {
            JobEnd::Violation => "violation",
            JobEnd::Budget => "state budget",
            JobEnd::DepthBound => "depth bound",
            JobEnd::Exhausted => "no state left",
            JobEnd::TimeLimit => "--time-limit",
            JobEnd::MaxMemory => "--max-memory",
            JobEnd::Cancelled => "Ctrl-C",
            JobEnd::StepError => "step error",
            JobEnd::Stopped => "another job's violation",
            JobEnd::NotRun => "not run",
        }
    }
}

/// What one job did.
#[derive(Clone, Debug, PartialEq)]
pub struct JobRun<C> {
    /// Who it was.
    pub job: JobSettings,
    /// How it ended.
    pub end: JobEnd,
    /// What it covered (all zero when it did not run).
    pub statistics: Statistics,
    /// The outcome kinds it reached, with the first witness of each (a path of its depth-first
    /// search) and how many distinct states of each kind it met.
    pub outcomes: BTreeMap<OutcomeKind, Found<C>>,
    /// The step the model could not take, if one ended the job.
    pub step_error: Option<StepFailure<C>>,
}

/// A bound on the process's memory in bytes, and what reads the memory in use (`None` when it
/// cannot be read): a plain function, so that every job's thread can call it.
pub type SharedMemoryLimit = (u64, fn() -> Option<u64>);

/// The bounds a whole swarm shares: how long it may run, how much memory it may hold, and the
/// cancel flag (Ctrl-C); progress is reported after each job.
#[derive(Default)]
pub struct SwarmLimits<'a> {
    /// Checked by every job: once set, the swarm stops.
    pub cancel: Option<&'a AtomicBool>,
    /// The whole swarm's time, from its start.
    pub time_limit: Option<Duration>,
    /// The process's memory bound, and what reads the memory in use.
    pub memory_limit: Option<SharedMemoryLimit>,
    /// Called after each job with the totals so far (`frontier`: jobs not yet finished).
    pub progress: Option<&'a mut dyn FnMut(&Progress)>,
    /// Threads running jobs; 0 and 1 mean one.
    pub threads: usize,
}

/// The jobs of one swarm run, in the order of `SwarmPlan::selected`, and what stopped the
/// swarm early, if anything did.
#[derive(Clone, Debug)]
pub struct SwarmExploration<C> {
    /// One entry per selected job.
    pub runs: Vec<JobRun<C>>,
    /// `--time-limit`, `--max-memory`, Ctrl-C, or `--stop-at-first` after a violation.
    pub stopped_by: Option<StoppedBy>,
    /// Wall-clock time of the swarm.
    pub elapsed: Duration,
}

/// Runs the selected jobs of `plan` on `limits.threads` threads.
pub fn explore_swarm<M>(
    model: &M,
    plan: &SwarmPlan,
    mut limits: SwarmLimits<'_>,
) -> SwarmExploration<M::Choice>
where
    M: Model + Sync,
    M::State: Send,
    M::Choice: Send,
{
    let started = Instant::now();
    // Set to stop every job: on Ctrl-C, a limit, or a first violation under --stop-at-first.
    let stop = AtomicBool::new(false);
    let mut stopped_by: Option<StoppedBy> = None;
    let next = AtomicUsize::new(0);
    let mut runs: Vec<Option<JobRun<M::Choice>>> = vec![None; plan.selected.len()];
    let threads = limits.threads.clamp(1, plan.selected.len().max(1));
    let mut totals = Progress {
        states: 0,
        transitions: 0,
        max_depth: 0,
        frontier: plan.selected.len() as u64,
        first_violation: None,
        violations: 0,
    };
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..threads {
            let sender = sender.clone();
            let (stop, next) = (&stop, &next);
            let time_limit = limits.time_limit;
            let memory_limit = limits.memory_limit;
            scope.spawn(move || loop {
                let position = next.fetch_add(1, Ordering::Relaxed);
                if position >= plan.selected.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                let remaining = time_limit.map(|limit| limit.saturating_sub(started.elapsed()));
                if remaining.is_some_and(|left| left.is_zero()) {
                    break;
                }
                let job = JobSettings::of(plan.selected[position], plan.seed, plan.max_depth);
                let run = run_job(model, job, plan.job_states, stop, remaining, memory_limit);
                if sender.send((position, run)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        loop {
            match receiver.recv_timeout(Duration::from_millis(50)) {
                Ok((position, run)) => {
                    if run.end == JobEnd::Violation && plan.stop_at_first {
                        stopped_by.get_or_insert(StoppedBy::FirstViolation);
                        stop.store(true, Ordering::Relaxed);
                    }
                    match run.end {
                        JobEnd::TimeLimit | JobEnd::MaxMemory => {
                            stopped_by.get_or_insert(if run.end == JobEnd::TimeLimit {
                                StoppedBy::TimeLimit
                            } else {
                                StoppedBy::MaxMemory
                            });
                            stop.store(true, Ordering::Relaxed);
                        }
                        _ => {}
                    }
                    add_to_progress(&mut totals, &run);
                    if let Some(progress) = limits.progress.as_mut() {
                        progress(&totals);
                    }
                    runs[position] = Some(run);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if limits
                .cancel
                .is_some_and(|flag| flag.load(Ordering::Relaxed))
            {
                stopped_by = Some(StoppedBy::Cancelled);
                stop.store(true, Ordering::Relaxed);
            }
        }
    });
    if stopped_by.is_none() && runs.iter().any(Option::is_none) {
        // Jobs left unstarted with nothing else to blame: the time limit ran out between jobs.
        stopped_by = Some(StoppedBy::TimeLimit);
    }
    let runs = plan
        .selected
        .iter()
        .zip(runs)
        .map(|(&index, run)| {
            let job = JobSettings::of(index, plan.seed, plan.max_depth);
            match run {
                Some(mut run) => {
                    // A job the swarm stopped ended for the swarm's reason.
                    if run.end == JobEnd::Cancelled {
                        run.end = swarm_end(stopped_by);
                    }
                    run
                }
                None => not_run(job),
            }
        })
        .collect();
    SwarmExploration {
        runs,
        stopped_by,
        elapsed: started.elapsed(),
    }
}

/// How a job stopped by the swarm ended, by why the swarm stopped.
fn swarm_end(stopped_by: Option<StoppedBy>) -> JobEnd {
    match stopped_by {
        Some(StoppedBy::FirstViolation) => JobEnd::Stopped,
        Some(StoppedBy::TimeLimit) => JobEnd::TimeLimit,
        Some(StoppedBy::MaxMemory) => JobEnd::MaxMemory,
        _ => JobEnd::Cancelled,
    }
}

/// The record of a job that never started.
fn not_run<C>(job: JobSettings) -> JobRun<C> {
    JobRun {
        job,
        end: JobEnd::NotRun,
        statistics: Statistics {
            states: 0,
            transitions: 0,
            max_depth: 0,
            depth_cut: 0,
            visited_bytes: 0,
            elapsed: Duration::ZERO,
            missed_states: 0.0,
        },
        outcomes: BTreeMap::new(),
        step_error: None,
    }
}

fn add_to_progress<C>(totals: &mut Progress, run: &JobRun<C>) {
    totals.states += run.statistics.states;
    totals.transitions += run.statistics.transitions;
    totals.max_depth = totals.max_depth.max(run.statistics.max_depth);
    totals.frontier = totals.frontier.saturating_sub(1);
    for (kind, found) in &run.outcomes {
        if kind.is_violation() {
            totals.first_violation.get_or_insert(*kind);
            totals.violations += found.count;
        }
    }
}

/// Runs one job: the search loop, depth-first, over successors in the job's shuffled order,
/// within its budget and depth bound, stopping at its first violation.
pub(super) fn run_job<M: Model>(
    model: &M,
    job: JobSettings,
    job_states: u64,
    stop: &AtomicBool,
    time_limit: Option<Duration>,
    memory_limit: Option<SharedMemoryLimit>,
) -> JobRun<M::Choice> {
    let mut state = job.seed;
    let mut expand = |batch: &mut Vec<Pending<M::Packed>>,
                      visited: &Visited<M::Choice>,
                      out: &mut Vec<Expanded<M>>,
                      pack: bool| {
        for pending in batch.drain(..) {
            let (index, depth, mut successors) = expand_one(model, visited, pending, pack);
            if job.shuffled {
                // Fisher-Yates with the job's own generator: the order depends only on the
                // job's seed and the states it met before, never on the thread it runs on.
                for last in (1..successors.len()).rev() {
                    let pick = (split_mix(&mut state) % (last as u64 + 1)) as usize;
                    successors.swap(last, pick);
                }
            }
            out.push((index, depth, successors));
        }
    };
    let measure = memory_limit.map(|(_, measure)| measure);
    let measure_memory = move || measure.and_then(|measure| measure());
    let options = SearchOptions {
        max_states: Some(job_states),
        max_depth: Some(job.depth_bound),
        cancel: Some(stop),
        stop_at_first: true,
        time_limit,
        memory_limit: memory_limit.map(|(bytes, _)| MemoryLimit {
            bytes,
            measure: &measure_memory,
        }),
        ..SearchOptions::default()
    };
    let exploration = search(model, options, Vec::new(), 1, &mut expand);
    let end = match exploration.stopped_by {
        None => JobEnd::Exhausted,
        Some(StoppedBy::FirstViolation) => JobEnd::Violation,
        Some(StoppedBy::MaxStates) => JobEnd::Budget,
        Some(StoppedBy::MaxDepth) => JobEnd::DepthBound,
        Some(StoppedBy::TimeLimit) => JobEnd::TimeLimit,
        Some(StoppedBy::MaxMemory) => JobEnd::MaxMemory,
        Some(StoppedBy::StepError) => JobEnd::StepError,
        Some(_) => JobEnd::Cancelled,
    };
    JobRun {
        job,
        end,
        statistics: exploration.statistics,
        outcomes: exploration.outcomes,
        step_error: exploration.step_error,
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a small generator with a pinned algorithm, so that
/// a seed means the same shuffle on every machine and in every release.
fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut mixed = *state;
    mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    mixed ^ (mixed >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_is_determined_by_its_index_and_the_seed() {
        assert_eq!(JobSettings::of(5, 7, None), JobSettings::of(5, 7, None));
        assert_ne!(
            JobSettings::of(5, 7, None).seed,
            JobSettings::of(6, 7, None).seed
        );
        assert_ne!(
            JobSettings::of(5, 7, None).seed,
            JobSettings::of(5, 8, None).seed
        );
        assert!(!JobSettings::of(0, 7, None).shuffled);
        assert_eq!(JobSettings::of(1, 0, None).depth_bound, 64);
        assert_eq!(JobSettings::of(5, 0, Some(100)).depth_bound, 100);
        assert_eq!(JobSettings::of(6, 0, Some(100)).depth_bound, 32);
    }

    #[test]
    fn split_mix_is_pinned() {
        // The first outputs for seed 0 of the reference implementation.
        let mut state = 0;
        assert_eq!(split_mix(&mut state), 0xE220_A839_7B1D_CDAF);
        assert_eq!(split_mix(&mut state), 0x6E78_9E6A_A1B9_65F4);
    }
}
