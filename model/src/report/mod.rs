//! Reports: what a check found, as a value, and its text, JSON and HTML renderings.
//!
//! A [`Report`] holds, for one model file, every outcome kind the search reached with how many
//! distinct states of that kind and one witness (a shortest one under breadth-first search): its
//! [schedule](Schedule) string, the trace of replaying it, and the goroutine dump of the state it
//! ends in. It also holds the statistics, whether the search was exhaustive (and if not, what
//! stopped it), the header's expectation and the [`Verdict`].
//!
//! Renderings are deterministic: [`render_text`] and [`render_json`] print no hash values or
//! addresses, and print timings only when [`RenderOptions::timings`] asks for them. The JSON
//! schema is documented in [`json`]. The HTML viewer of a witness (`html.rs`) replays its schedule
//! for the dump at every step, so it is made where the compiled model is, by
//! [`crate::check::html_pages`].

mod backend_text;
mod build;
mod hints;
mod html;
pub mod json;
mod swarm;
mod swarm_text;
mod text;
mod trace_text;

pub use crate::semantics::{format_choice, format_schedule, Schedule, ScheduleError};
#[cfg(any(feature = "loom", feature = "shuttle"))]
pub(crate) use build::build_backend_report;
pub use build::build_report;
pub(crate) use build::panic_line;
pub(crate) use html::render_page;
pub use html::PageHeader;
pub use json::{render_json, render_json_array, render_json_entries};
pub use swarm::{
    build_swarm_report, job_ranges, JobOutcome, JobReport, JobStepError, SwarmModel, SwarmReport,
};
pub use text::render_text;
pub use trace_text::{render_dump, render_trace};

use serde::{Serialize, Serializer};

use crate::backends::{BackendReport, Engine};
use crate::explore::{OutcomeKind, SearchOrder, StoppedBy};
use crate::semantics::{GoroutineView, TraceStep};

/// How to render a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// Print the elapsed time and the rates (states per second, bytes per state): off for
    /// snapshots, which must not change from run to run.
    pub timings: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { timings: true }
    }
}

/// The report of checking one model file.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The file name as given.
    pub file: String,
    /// The entry function as Go prints it (`main.main`, `main.TestParentRun`).
    pub entry: String,
    /// The engine that made it: `native`, `loom` or `shuttle`.
    pub engine: Engine,
    /// How the search was run.
    pub search: SearchSettings,
    /// Whether every reachable state was explored.
    pub exhaustive: bool,
    /// What stopped the search before it was exhaustive.
    pub stopped_by: Option<StoppedBy>,
    /// The header's expectation, if the model has one.
    pub expectation: Option<Expectation>,
    /// The verdict: pass, fail or incomplete.
    pub verdict: Verdict,
    /// The violation kinds found, in kind order.
    #[serde(serialize_with = "kind_names")]
    pub violations: Vec<OutcomeKind>,
    /// Every outcome kind reached, in kind order.
    pub outcomes: Vec<OutcomeReport>,
    /// The step the checker could not take, if one stopped the search.
    pub step_error: Option<StepErrorReport>,
    /// Counters.
    pub statistics: ReportStatistics,
    /// How a loom or shuttle run went; `None` for the native explorer.
    pub backend: Option<BackendReport>,
    /// `--swarm`: the swarm's settings and what each job covered and found; left out of other
    /// reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub swarm: Option<SwarmReport>,
    /// `go vet`-style warnings about the model, as `file:line:col: message` (copies of sync
    /// values, in vet's copylocks words). Not findings: the verdict does not depend on them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// For a search a bound stopped: what its statistics suggest about why, and what to try
    /// (`report/hints.rs`). Not findings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
}

/// The search settings a report was made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SearchSettings {
    /// Breadth- or depth-first.
    pub order: SearchOrder,
    /// The bound on distinct states, if any.
    pub max_states: Option<u64>,
    /// The bound on depth, if any.
    pub max_depth: Option<u32>,
    /// The state-space reductions applied (none for loom and shuttle).
    pub reduction: crate::semantics::Reduction,
    /// How the native search stored visited states; left out when exact (the default).
    #[serde(skip_serializing_if = "is_exact")]
    pub store: crate::explore::StateStore,
}

fn is_exact(store: &crate::explore::StateStore) -> bool {
    *store == crate::explore::StateStore::Exact
}

/// The verdict kinds a model's header may expect (`// gomc:expect deadlock, leak`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expectation {
    /// The violation kinds expected, in kind order; empty for `none`.
    #[serde(serialize_with = "kind_names")]
    pub kinds: Vec<OutcomeKind>,
    /// Whether the violations found are exactly these and the search was exhaustive.
    pub matched: bool,
}

/// The verdict on one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// As expected (without an expectation: no violation) and the search was exhaustive.
    Pass,
    /// A violation that was not expected, or an expected one that an exhaustive search did not
    /// find.
    Fail,
    /// Nothing unexpected found, but the search was stopped before it was exhaustive: not a proof.
    Incomplete,
}

impl Verdict {
    /// Judges a check: `expected` is the set of violation kinds the header expects (empty
    /// without a header expectation, as for `none`).
    pub fn judge(found: &[OutcomeKind], expected: &[OutcomeKind], exhaustive: bool) -> Verdict {
        if found.iter().any(|kind| !expected.contains(kind)) {
            Verdict::Fail
        } else if !exhaustive {
            Verdict::Incomplete
        } else if found.len() == expected.len() {
            Verdict::Pass
        } else {
            Verdict::Fail
        }
    }

    /// The process exit status for this verdict: 0, 1 or 3.
    pub fn exit_code(self) -> i32 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
            Verdict::Incomplete => 3,
        }
    }

    /// `pass`, `FAIL` or `incomplete`, as in the summary table.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "FAIL",
            Verdict::Incomplete => "incomplete",
        }
    }
}

/// One outcome kind reached.
#[derive(Clone, Debug, Serialize)]
pub struct OutcomeReport {
    /// The kind: `ok`, `exit(2)`, `deadlock`, `leak`, `panic`, `race`.
    #[serde(serialize_with = "kind_name")]
    pub kind: OutcomeKind,
    /// Whether the kind is a violation.
    pub violation: bool,
    /// Distinct ended states of this kind (native), or executions that ended in it (loom,
    /// shuttle).
    pub count: u64,
    /// loom and shuttle: the 1-based number of the first execution that ended in it; left out
    /// of native reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_execution: Option<u64>,
    /// The first witness found (a shortest one under breadth-first search); for loom and
    /// shuttle, the shortest execution found, replayed natively.
    pub witness: Witness,
}

/// A run that reaches an outcome, replayed for the report.
#[derive(Clone, Debug, Serialize)]
pub struct Witness {
    /// Number of transitions.
    pub steps: usize,
    /// The schedule string that replays it.
    pub schedule: String,
    /// What main printed before the first transition (its run up to its first scheduling
    /// point, part of the initial state).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub initial_output: Vec<String>,
    /// One entry per transition.
    pub trace: Vec<TraceStep>,
    /// The goroutine dump of the state it ends in (dead goroutines left out).
    pub goroutines: Vec<GoroutineView>,
    /// For a panic: the panicking goroutine and Go's panic line.
    pub panic: Option<PanicReport>,
    /// For a data race (race mode): the two conflicting accesses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub race: Option<crate::semantics::RaceView>,
    /// Set when replaying the witness failed: a checker bug, never expected.
    pub replay_error: Option<String>,
    /// For a hang: the number of the first step of the cycle the witness ends on (1-based); the
    /// steps from there to the last lead from a state back to itself, forever.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cycle_from: Option<usize>,
}

/// An unrecovered panic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PanicReport {
    /// The goroutine that panicked.
    pub goroutine: u32,
    /// Go's line: `panic: send on closed channel`, `fatal error: sync: unlock of unlocked mutex`.
    pub message: String,
}

/// A step the checker could not take, which stopped the search.
#[derive(Clone, Debug, Serialize)]
pub struct StepErrorReport {
    /// What happened.
    pub message: String,
    /// The schedule to the failing step, the failing choice included (so that `replay` stops at
    /// the same error).
    pub schedule: String,
    /// The trace of the steps before the failing one.
    pub trace: Vec<TraceStep>,
    /// The goroutine dump of the state where the step failed.
    pub goroutines: Vec<GoroutineView>,
}

/// Counters of the search.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ReportStatistics {
    /// Distinct states discovered.
    pub states: u64,
    /// Transitions taken.
    pub transitions: u64,
    /// Greatest depth of a discovered state.
    pub max_depth: u32,
    /// Running states left unexpanded by the depth bound.
    pub depth_cut: u64,
    /// Wall-clock seconds of the search; left out of renderings without timings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_seconds: Option<f64>,
    /// States per second; left out of renderings without timings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub states_per_second: Option<f64>,
    /// Bytes of the visited set and parent table per state; left out without timings (it
    /// depends on allocator growth, not only on the model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes_per_state: Option<f64>,
    /// The process's peak resident memory when the search ended: all of gomc's memory, the
    /// frontier's states included (for several models checked in one process, the largest so
    /// far); native engine on Linux only, left out without timings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peak_memory_bytes: Option<u64>,
    /// The expected number of distinct states the store of a `--hash-compact` or `--bitstate`
    /// search merged with others and so missed; left out for the exact store.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed_states: Option<f64>,
}

impl Report {
    /// The process exit status for this report: 0 pass, 1 fail, 3 incomplete.
    pub fn exit_code(&self) -> i32 {
        self.verdict.exit_code()
    }

    /// The outcome of this kind, if reached.
    pub fn outcome(&self, kind: OutcomeKind) -> Option<&OutcomeReport> {
        self.outcomes.iter().find(|outcome| outcome.kind == kind)
    }

    /// The outcome kinds reached, in kind order.
    pub fn kinds(&self) -> Vec<OutcomeKind> {
        self.outcomes.iter().map(|outcome| outcome.kind).collect()
    }

    /// One-line verdict for summaries: `deadlock`, `leak, panic`, `no violation`,
    /// `no violation (incomplete)`.
    pub fn verdict_line(&self) -> String {
        let found = if self.violations.is_empty() {
            "no violation".to_string()
        } else {
            kind_list(&self.violations)
        };
        if self.exhaustive {
            found
        } else {
            format!("{found} (incomplete)")
        }
    }
}

/// Kind names joined with `, `: `deadlock, leak`.
pub fn kind_list(kinds: &[OutcomeKind]) -> String {
    kinds
        .iter()
        .map(|kind| kind.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_name<S: Serializer>(kind: &OutcomeKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&kind.name())
}

fn kind_names<S: Serializer>(kinds: &[OutcomeKind], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(kinds.iter().map(|kind| kind.name()))
}
