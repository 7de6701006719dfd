//! Merging the jobs of a swarm (`swarm.rs`) into one [`Exploration`], the form every report is
//! built from: for each outcome kind the shortest witness any job found, ties going to the
//! lower job number, so that the merge does not depend on the order in which jobs finished,
//! on the thread count, or on how the job list was split over machines.

use std::collections::BTreeMap;
use std::time::Duration;

use super::result::{Exploration, Found, Statistics, StoppedBy};
use super::swarm::JobRun;

/// One exploration from the runs of a swarm (in any order; each job at most once). Its
/// `count` of each outcome kind is the number of jobs that reached the kind; its statistics
/// add up the jobs' (the same state met by two jobs counts twice); it is never exhaustive:
/// `stopped_by` is what stopped the swarm, else [`StoppedBy::Swarm`].
pub fn merge_jobs<C: Copy>(
    runs: &[JobRun<C>],
    stopped_by: Option<StoppedBy>,
    elapsed: Duration,
) -> Exploration<C> {
    let mut ordered: Vec<&JobRun<C>> = runs.iter().collect();
    ordered.sort_by_key(|run| run.job.index);
    let mut outcomes: BTreeMap<_, Found<C>> = BTreeMap::new();
    let mut statistics = Statistics {
        states: 0,
        transitions: 0,
        max_depth: 0,
        depth_cut: 0,
        visited_bytes: 0,
        elapsed,
        missed_states: 0.0,
    };
    for run in &ordered {
        statistics.states += run.statistics.states;
        statistics.transitions += run.statistics.transitions;
        statistics.max_depth = statistics.max_depth.max(run.statistics.max_depth);
        statistics.depth_cut += run.statistics.depth_cut;
        statistics.visited_bytes += run.statistics.visited_bytes;
        for (kind, found) in &run.outcomes {
            let merged = outcomes.entry(*kind).or_insert_with(|| Found {
                count: 0,
                witness: found.witness.clone(),
                cycle_start: found.cycle_start,
            });
            merged.count += 1;
            // Strictly shorter only: an equal one from a later job loses to the earlier job's.
            if found.witness.len() < merged.witness.len() {
                merged.witness = found.witness.clone();
                merged.cycle_start = found.cycle_start;
            }
        }
    }
    let step_error = ordered.iter().find_map(|run| run.step_error.clone());
    Exploration {
        statistics,
        outcomes,
        exhaustive: false,
        stopped_by: Some(stopped_by.unwrap_or(StoppedBy::Swarm)),
        step_error,
    }
}
