//! What a search reports: statistics, the outcomes reached with a witness of each, and whether
//! the search was exhaustive or which bound stopped it.

use std::collections::BTreeMap;
use std::time::Duration;

use super::{OutcomeKind, StepError};

/// Where a search stands, passed to the progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Distinct states discovered.
    pub states: u64,
    /// Transitions taken (steps computed, including those that led to known states).
    pub transitions: u64,
    /// The greatest depth of a discovered state.
    pub max_depth: u32,
    /// States waiting to be expanded.
    pub frontier: u64,
    /// The violation kind found first, if any: the progress line announces it at once, and the
    /// full report follows at the end of the search (or on Ctrl-C or a limit).
    pub first_violation: Option<OutcomeKind>,
    /// Distinct states counted as violations so far.
    pub violations: u64,
}

/// What stopped a search before it was exhaustive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoppedBy {
    /// The `max_states` bound: more states were reachable.
    MaxStates,
    /// The `max_depth` bound: running states at that depth were left unexpanded.
    MaxDepth,
    /// The cancel flag (Ctrl-C).
    Cancelled,
    /// `--stop-at-first`: a violation was found.
    FirstViolation,
    /// `--time-limit`.
    TimeLimit,
    /// `--max-memory`: the process held more memory than allowed.
    MaxMemory,
    /// A step the model could not take.
    StepError,
    /// The bound on executions of a loom or shuttle run (`--iterations`); a shuttle run, which
    /// samples, always ends this way.
    Iterations,
    /// loom's bound on preemptions per execution.
    PreemptionBound,
    /// loom's limit on threads: the model needs more goroutines than loom can run.
    ThreadLimit,
    /// The loom or shuttle backend itself failed (a panic caught at the boundary).
    BackendFailure,
    /// `--swarm`: many bounded searches, each stopped by its own budget, depth bound or first
    /// violation; together never exhaustive.
    Swarm,
    /// `--bitstate`: the search ran to its end, but the bitstate store may have taken new
    /// states for known and missed them (and keeps no state graph for the `hang` outcome).
    Bitstate,
}

impl StoppedBy {
    /// How the bound is named on the command line or in words: `--max-states`, `--max-depth`,
    /// `Ctrl-C`, `a step error`, `--iterations`, `--preemption-bound`, `loom's thread limit`,
    /// `a failure of the backend`.
    pub fn describe(self) -> &'static str {
        match self {
            StoppedBy::MaxStates => "--max-states",
            StoppedBy::MaxDepth => "--max-depth",
            StoppedBy::Cancelled => "Ctrl-C",
            StoppedBy::FirstViolation => "--stop-at-first",
            StoppedBy::TimeLimit => "--time-limit",
            StoppedBy::MaxMemory => "--max-memory",
            StoppedBy::StepError => "a step error",
            StoppedBy::Iterations => "--iterations",
            StoppedBy::PreemptionBound => "--preemption-bound",
            StoppedBy::ThreadLimit => "loom's thread limit",
            StoppedBy::BackendFailure => "a failure of the backend",
            StoppedBy::Swarm => "--swarm (bounded searches)",
            StoppedBy::Bitstate => "--bitstate",
        }
    }
}

/// Counters of a search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Statistics {
    /// Distinct states discovered (the initial state included).
    pub states: u64,
    /// Transitions taken, including those that led to states already discovered.
    pub transitions: u64,
    /// The greatest depth (steps from the initial state) of a discovered state.
    pub max_depth: u32,
    /// Running states left unexpanded because they lay at the depth bound.
    pub depth_cut: u64,
    /// Bytes held by the visited set, the parent table and the state graph at the end, from
    /// their capacities.
    pub visited_bytes: u64,
    /// Wall-clock time of the search. Never part of a snapshotted rendering.
    pub elapsed: Duration,
    /// The expected number of distinct states the visited set's store merged with others, so
    /// that the search missed them (`visited.rs`: nil for the exact store, small for hash
    /// compaction, the bitstate store's own estimate).
    pub missed_states: f64,
}

impl Statistics {
    /// Bytes of the visited set and parent table per discovered state.
    pub fn bytes_per_state(&self) -> f64 {
        if self.states == 0 {
            0.0
        } else {
            self.visited_bytes as f64 / self.states as f64
        }
    }

    /// Distinct states discovered per second of wall-clock time.
    pub fn states_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.states as f64 / seconds
        } else {
            0.0
        }
    }
}

/// One outcome kind as found by a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<C> {
    /// Distinct ended states of this kind.
    pub count: u64,
    /// The choices from the initial state to the first such state discovered (a shortest one
    /// under breadth-first search). For a hang, the path to the first state that cannot end,
    /// then on through such states until a state repeats: the witness ends on a cycle.
    pub witness: Vec<C>,
    /// For a hang: how many steps of `witness` come before the cycle; the steps from there to
    /// the end of `witness` lead from a state back to itself. `None` for other kinds.
    pub cycle_start: Option<usize>,
}

/// A step the model could not take, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepFailure<C> {
    /// The model's error.
    pub error: StepError,
    /// The choices from the initial state to the state where the step failed.
    pub witness: Vec<C>,
    /// The choice that failed; `None` when the initial state itself could not be built (or a
    /// running state had no choice).
    pub choice: Option<C>,
}

/// The result of a search.
#[derive(Clone, Debug)]
pub struct Exploration<C> {
    /// Counters.
    pub statistics: Statistics,
    /// Every outcome kind reached, in [`OutcomeKind`] order.
    pub outcomes: BTreeMap<OutcomeKind, Found<C>>,
    /// Every reachable state was discovered and every running one expanded: the frontier emptied,
    /// no bound cut anything, no step failed.
    pub exhaustive: bool,
    /// What stopped the search before it was exhaustive; `None` exactly when it was.
    pub stopped_by: Option<StoppedBy>,
    /// The step error that stopped the search, if one did.
    pub step_error: Option<StepFailure<C>>,
}
