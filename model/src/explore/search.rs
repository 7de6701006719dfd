//! The search loop: one loop, generic over the frontier (a FIFO queue for breadth-first search,
//! a stack for depth-first search).
//!
//! Every state is classified when it is first discovered: an ended state is counted under its
//! outcome kind (each distinct state once) and never enters the frontier; a running state is
//! expanded later, unless it lies at the depth bound. A running state that shows a violation
//! (`Model::violation`: a data race) is counted under that kind too and still expanded.
//! Breadth-first search discovers states in
//! order of depth, so the first witness it keeps of each outcome kind is a shortest one.

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::expand::{expand_here, Expand, Expanded, Next};
use super::graph::Graph;
use super::hang::hang_outcome;
use super::result::{Exploration, Found, Progress, Statistics, StepFailure, StoppedBy};
use super::visited::{Inserted, StateIndex, StateStore, Visited};
use super::{Model, StateStatus, StepError};

/// The order in which the search expands states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchOrder {
    /// Breadth-first: the first witness found of each outcome kind is a shortest one.
    #[default]
    Bfs,
    /// Depth-first: a smaller frontier, witnesses not necessarily shortest.
    Dfs,
}

impl SearchOrder {
    /// `bfs` or `dfs`.
    pub fn name(self) -> &'static str {
        match self {
            SearchOrder::Bfs => "bfs",
            SearchOrder::Dfs => "dfs",
        }
    }
}

/// How far and in which order to search, and how to report on the way.
#[derive(Default)]
pub struct SearchOptions<'a> {
    /// Breadth- or depth-first.
    pub order: SearchOrder,
    /// Stop before discovering more than this many distinct states (the initial state is always
    /// discovered).
    pub max_states: Option<u64>,
    /// Do not expand states this many steps from the initial state: witnesses have at most this
    /// many steps. A running state left unexpanded makes the search not exhaustive.
    pub max_depth: Option<u32>,
    /// Checked before each state is expanded: once set, the search stops and reports what it
    /// covered (Ctrl-C).
    pub cancel: Option<&'a AtomicBool>,
    /// Called about every 2¹⁶ discovered states with the statistics so far.
    pub progress: Option<&'a mut dyn FnMut(&Progress)>,
    /// Stop at the first violation found (its witness is a shortest one under breadth-first
    /// search), as SPIN and TLC do by default.
    pub stop_at_first: bool,
    /// Stop once the search has run this long.
    pub time_limit: Option<Duration>,
    /// Stop once the process holds more memory than this.
    pub memory_limit: Option<MemoryLimit<'a>>,
    /// Threads that compute successors ([`super::explore_parallel`], breadth-first search); 0 and 1
    /// mean one.
    pub threads: usize,
    /// How the visited set stores states: exactly (the default), hash-compacted, or in a
    /// bitstate array, which keeps no state graph and so does not look for the `hang` outcome.
    pub store: StateStore,
    /// The frontier length from which new states are packed compactly (`Model::pack`); `None`:
    /// [`PACK_FROM`]. Tests set 0 to run a whole search through the packed form.
    pub pack_from: Option<usize>,
}

/// A bound on memory: the search stops once `measure` (the process's resident memory, in
/// bytes, as the caller reads it) exceeds `bytes`. The explorer itself does no I/O.
#[derive(Clone, Copy)]
pub struct MemoryLimit<'a> {
    /// The bound.
    pub bytes: u64,
    /// Reads the memory in use; `None` when it cannot be read (the bound is then not applied).
    pub measure: &'a dyn Fn() -> Option<u64>,
}

/// How often, in expanded states, the time and memory limits are looked at.
const LIMIT_INTERVAL: u64 = 1 << 10;

/// How often, in discovered states, the progress callback is called (a power of two).
pub const PROGRESS_INTERVAL: u64 = 1 << 16;

/// The frontier length from which new states are packed compactly (`Model::pack`): below it
/// their memory is small (whole states of the bundled models take a few hundred bytes each,
/// so a few tens of megabytes here) and the time packing takes (a tenth of a step or more) is
/// not worth it.
pub const PACK_FROM: usize = 1 << 16;

/// A state waiting in the frontier to be expanded.
pub(super) struct Pending<S> {
    pub(super) index: StateIndex,
    pub(super) depth: u32,
    pub(super) state: S,
}

/// The states still to expand; the only thing that differs between the search orders.
pub(super) trait Frontier<T> {
    fn push(&mut self, item: T);
    fn pop(&mut self) -> Option<T>;
    fn len(&self) -> usize;
    /// Called after the children of one state were pushed from position `mark` on, so that a
    /// stack can reverse them and expand the first choice first.
    fn children_pushed(&mut self, mark: usize);
}

/// First in, first out: breadth-first search.
impl<T> Frontier<T> for VecDeque<T> {
    fn push(&mut self, item: T) {
        self.push_back(item);
    }
    fn pop(&mut self) -> Option<T> {
        self.pop_front()
    }
    fn len(&self) -> usize {
        VecDeque::len(self)
    }
    fn children_pushed(&mut self, _mark: usize) {}
}

/// Last in, first out: depth-first search.
impl<T> Frontier<T> for Vec<T> {
    fn push(&mut self, item: T) {
        Vec::push(self, item);
    }
    fn pop(&mut self) -> Option<T> {
        Vec::pop(self)
    }
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn children_pushed(&mut self, mark: usize) {
        self[mark..].reverse();
    }
}

/// Searches every state of `model` reachable from its initial state, within the bounds of
/// `options`, and reports the outcomes, a witness of each, and statistics. One thread.
pub fn explore<M: Model>(model: &M, options: SearchOptions<'_>) -> Exploration<M::Choice> {
    let mut expand =
        |batch: &mut Vec<Pending<M::Packed>>,
         visited: &Visited<M::Choice>,
         out: &mut Vec<Expanded<M>>,
         pack: bool| { expand_here(model, visited, batch, out, pack) };
    match options.order {
        SearchOrder::Bfs => search(model, options, VecDeque::new(), 1, &mut expand),
        SearchOrder::Dfs => search(model, options, Vec::new(), 1, &mut expand),
    }
}

/// What the loop accumulates besides the visited set and the frontier.
struct Tally<C> {
    outcomes: BTreeMap<super::OutcomeKind, Found<C>>,
    /// A violation has been counted.
    violated: bool,
    /// The first violation kind counted.
    first_violation: Option<super::OutcomeKind>,
    /// Violating states counted.
    violations: u64,
    transitions: u64,
    max_depth: u32,
    depth_cut: u64,
}

/// The limit the search has run past, if any.
fn over_limit(options: &SearchOptions<'_>, started: Instant) -> Option<StoppedBy> {
    if options
        .time_limit
        .is_some_and(|limit| started.elapsed() >= limit)
    {
        return Some(StoppedBy::TimeLimit);
    }
    let limit = options.memory_limit?;
    ((limit.measure)()? > limit.bytes).then_some(StoppedBy::MaxMemory)
}

/// Whether the search was asked to stop (Ctrl-C).
fn cancelled(options: &SearchOptions<'_>) -> bool {
    options
        .cancel
        .is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// The one search loop: takes up to `batch_size` states from the frontier, has `expand`
/// compute their successors, then numbers, counts and queues those in order.
pub(super) fn search<M, F>(
    model: &M,
    mut options: SearchOptions<'_>,
    mut frontier: F,
    batch_size: usize,
    expand: &mut Expand<'_, M>,
) -> Exploration<M::Choice>
where
    M: Model,
    F: Frontier<Pending<M::Packed>>,
{
    let started = Instant::now();
    let mut tally = Tally {
        outcomes: BTreeMap::new(),
        violated: false,
        first_violation: None,
        violations: 0,
        transitions: 0,
        max_depth: 0,
        depth_cut: 0,
    };
    let initial = match model.initial() {
        Ok(state) => state,
        Err(_) if cancelled(&options) => {
            return finish(tally, None, 0, Some(StoppedBy::Cancelled), None, started);
        }
        Err(error) => {
            let failure = StepFailure {
                error,
                witness: Vec::new(),
                choice: None,
            };
            return finish(
                tally,
                None,
                0,
                Some(StoppedBy::StepError),
                Some(failure),
                started,
            );
        }
    };
    let mut visited = Visited::new(model.fingerprint(&initial), options.store);
    // A bitstate store does not know which known state a step reached: no state graph.
    let keep_graph = options.store.indexes_states();
    let mut graph = Graph::default();
    let mut successors = Vec::new();
    let mut stopped_by = None;
    let mut step_failure = None;
    discover(
        &options,
        &mut frontier,
        &visited,
        &mut tally,
        Discovered {
            index: 0,
            depth: 0,
            status: model.status(&initial),
            violation: model.violation(&initial),
            state: Some(model.pack(initial, false)),
        },
    );

    let mut expanded: u64 = 0;
    let mut batch = Vec::new();
    let mut expansions = Vec::new();
    'search: loop {
        batch.clear();
        while batch.len() < batch_size {
            match frontier.pop() {
                Some(pending) => batch.push(pending),
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        expansions.clear();
        // Packing costs time; it pays once the frontier holds enough states for their memory
        // to matter.
        let pack = frontier.len() >= options.pack_from.unwrap_or(PACK_FROM);
        expand(&mut batch, &visited, &mut expansions, pack);
        for (index, depth, next_states) in expansions.drain(..) {
            if cancelled(&options) {
                stopped_by = Some(StoppedBy::Cancelled);
                break 'search;
            }
            if options.stop_at_first && tally.violated {
                stopped_by = Some(StoppedBy::FirstViolation);
                break 'search;
            }
            expanded += 1;
            if expanded.is_multiple_of(LIMIT_INTERVAL) {
                if let Some(limit) = over_limit(&options, started) {
                    stopped_by = Some(limit);
                    break 'search;
                }
            }
            if next_states.is_empty() {
                let error = StepError {
                    message: "internal error: a running state has no enabled choice".into(),
                };
                step_failure = Some(StepFailure {
                    error,
                    witness: visited.path_to(index),
                    choice: None,
                });
                stopped_by = Some(StoppedBy::StepError);
                break 'search;
            }
            let mark = frontier.len();
            successors.clear();
            for (choice, next) in next_states {
                tally.transitions += 1;
                let (next, fingerprint, status, violation) = match next {
                    Ok(Next::Known(known)) => {
                        successors.push(known);
                        continue;
                    }
                    Ok(Next::Fresh {
                        state,
                        fingerprint,
                        status,
                        violation,
                    }) => (state, fingerprint, status, violation),
                    // A step stopped by Ctrl-C (a model's `cancel_flag`) is the cancellation, not
                    // an error of the step.
                    Err(_) if cancelled(&options) => {
                        stopped_by = Some(StoppedBy::Cancelled);
                        break 'search;
                    }
                    Err(error) => {
                        let witness = visited.path_to(index);
                        step_failure = Some(StepFailure {
                            error,
                            witness,
                            choice: Some(choice),
                        });
                        stopped_by = Some(StoppedBy::StepError);
                        break 'search;
                    }
                };
                let full = options.max_states.is_some_and(|max| visited.len() >= max)
                    || visited.len() > u64::from(StateIndex::MAX - 1);
                if full && !visited.contains(fingerprint) {
                    stopped_by = Some(StoppedBy::MaxStates);
                    break 'search;
                }
                let inserted = visited.insert(fingerprint, index, choice);
                successors.push(inserted.index());
                let Inserted::New(next_index) = inserted else {
                    continue;
                };
                let next_depth = depth + 1;
                discover(
                    &options,
                    &mut frontier,
                    &visited,
                    &mut tally,
                    Discovered {
                        index: next_index,
                        depth: next_depth,
                        state: next,
                        status,
                        violation,
                    },
                );
                if options.stop_at_first && tally.violated {
                    stopped_by = Some(StoppedBy::FirstViolation);
                    break 'search;
                }
                if visited.len() % PROGRESS_INTERVAL == 0 {
                    if let Some(progress) = options.progress.as_mut() {
                        progress(&Progress {
                            states: visited.len(),
                            transitions: tally.transitions,
                            max_depth: tally.max_depth,
                            frontier: frontier.len() as u64,
                            first_violation: tally.first_violation,
                            violations: tally.violations,
                        });
                    }
                }
            }
            if keep_graph {
                graph.expanded(index, &successors);
            }
            frontier.children_pushed(mark);
        }
    }

    if stopped_by.is_none() && tally.depth_cut > 0 {
        stopped_by = Some(StoppedBy::MaxDepth);
    }
    if stopped_by.is_none() && !keep_graph {
        stopped_by = Some(StoppedBy::Bitstate);
    }
    // Whether a state can still reach an end is known only once every state is expanded.
    if stopped_by.is_none() {
        if let Some(region) = graph.hang_region(visited.len()) {
            match hang_outcome(model, &visited, &region) {
                Ok(found) => {
                    tally.outcomes.insert(super::OutcomeKind::Hang, found);
                }
                Err(failure) => {
                    step_failure = Some(failure);
                    stopped_by = Some(StoppedBy::StepError);
                }
            }
        }
    }
    let stored_bytes = visited.bytes() + graph.bytes();
    finish(
        tally,
        Some(&visited),
        stored_bytes,
        stopped_by,
        step_failure,
        started,
    )
}

/// A newly discovered state, numbered and classified.
struct Discovered<S> {
    index: StateIndex,
    depth: u32,
    /// The packed state; `None` for a state that ended (it is never expanded).
    state: Option<S>,
    status: StateStatus,
    violation: Option<super::OutcomeKind>,
}

/// Counts a newly discovered state if it ended (or shows a violation), queues it if it runs.
fn discover<S, C, F>(
    options: &SearchOptions<'_>,
    frontier: &mut F,
    visited: &Visited<C>,
    tally: &mut Tally<C>,
    discovered: Discovered<S>,
) where
    C: Copy,
    F: Frontier<Pending<S>>,
{
    let Discovered {
        index,
        depth,
        state,
        status,
        violation,
    } = discovered;
    tally.max_depth = tally.max_depth.max(depth);
    // Counts the state under `kind`; the first state counted keeps its path as the witness.
    let mut count = |kind: super::OutcomeKind| {
        if kind.is_violation() {
            tally.violated = true;
            tally.violations += 1;
            tally.first_violation.get_or_insert(kind);
        }
        tally
            .outcomes
            .entry(kind)
            .or_insert_with(|| Found {
                count: 0,
                witness: visited.path_to(index),
                cycle_start: None,
            })
            .count += 1;
    };
    match status {
        StateStatus::Ended(kind) => count(kind),
        StateStatus::Running => {
            if let Some(kind) = violation {
                count(kind);
            }
            if options.max_depth.is_some_and(|max| depth >= max) {
                tally.depth_cut += 1;
            } else if let Some(state) = state {
                frontier.push(Pending {
                    index,
                    depth,
                    state,
                });
            }
        }
    }
}

/// The result.
fn finish<C: Copy>(
    tally: Tally<C>,
    visited: Option<&Visited<C>>,
    stored_bytes: u64,
    stopped_by: Option<StoppedBy>,
    step_error: Option<StepFailure<C>>,
    started: Instant,
) -> Exploration<C> {
    let statistics = Statistics {
        states: visited.map_or(0, Visited::len),
        transitions: tally.transitions,
        max_depth: tally.max_depth,
        depth_cut: tally.depth_cut,
        visited_bytes: stored_bytes,
        elapsed: started.elapsed(),
        missed_states: visited.map_or(0.0, Visited::missed_estimate),
    };
    Exploration {
        statistics,
        outcomes: tally.outcomes,
        exhaustive: stopped_by.is_none(),
        stopped_by,
        step_error,
    }
}
