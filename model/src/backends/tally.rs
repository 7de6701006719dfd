//! The tally of a loom or shuttle run: what its executions reached, across all of them, and
//! the initial state every execution starts from.

use std::collections::BTreeMap;
use std::sync::{Mutex as StdMutex, MutexGuard as StdMutexGuard};

use crate::explore::{Found, Model, OutcomeKind, StateStatus, StepError, StepFailure};
use crate::semantics::{Choice, Machine, State};

/// Locks a standard mutex, ignoring poisoning (a panic elsewhere is reported on its own).
pub(crate) fn lock<T>(mutex: &StdMutex<T>) -> StdMutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An execution that needed more goroutine threads than the backend allows.
#[derive(Clone, Debug)]
pub(crate) struct ThreadLimit {
    /// The goroutine that had no thread to run on.
    pub goroutine: u32,
    /// How many goroutine threads the execution would have needed at that point.
    pub threads: usize,
    /// The schedule up to the step that started it.
    pub schedule: Vec<Choice>,
}

/// One outcome kind as reached by a backend.
#[derive(Clone, Debug)]
pub(crate) struct Reached {
    /// Executions that ended in it.
    pub count: u64,
    /// The 1-based number of the first execution that ended in it.
    pub first_execution: u64,
    /// The shortest schedule found that ends in it (the first of that length).
    pub witness: Vec<Choice>,
}

/// What the executions of one backend run reached, across all of them.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Executions started (abandoned ones not counted).
    pub executions: u64,
    /// Every outcome kind reached.
    pub outcomes: BTreeMap<OutcomeKind, Reached>,
    /// Steps taken, over all executions.
    pub steps: u64,
    /// The most steps of one execution.
    pub longest: usize,
    /// Executions cut off by the step bound.
    pub cut: u64,
    /// The first step error, which stops the run.
    pub step_error: Option<StepFailure<Choice>>,
    /// Set when an execution needed more goroutine threads than the backend allows: the run
    /// stops.
    pub thread_limit: Option<ThreadLimit>,
    /// Whether any execution met a choice Go makes at random.
    pub data_choices: bool,
    /// Once set, every later execution is abandoned at once.
    pub stop: bool,
}

impl Tally {
    /// Starts an execution: its 1-based number, or `None` when the run has stopped (or was
    /// cancelled) and the execution must return at once.
    pub fn begin(&mut self, cancelled: bool) -> Option<u64> {
        if self.stop || cancelled {
            return None;
        }
        self.executions += 1;
        Some(self.executions)
    }

    pub(super) fn reached(&mut self, kind: OutcomeKind, schedule: &[Choice], execution: u64) {
        let entry = self.outcomes.entry(kind).or_insert_with(|| Reached {
            count: 0,
            first_execution: execution,
            witness: schedule.to_vec(),
        });
        entry.count += 1;
        if schedule.len() < entry.witness.len() {
            entry.witness = schedule.to_vec();
        }
    }

    pub(super) fn step_failed(&mut self, failure: StepFailure<Choice>) {
        if self.step_error.is_none() {
            self.step_error = Some(failure);
        }
        self.stop = true;
    }

    /// The outcomes as the native explorer reports them (count: executions, not states).
    pub fn found(&self) -> BTreeMap<OutcomeKind, Found<Choice>> {
        self.outcomes
            .iter()
            .map(|(kind, reached)| {
                (
                    *kind,
                    Found {
                        count: reached.count,
                        witness: reached.witness.clone(),
                        cycle_start: None,
                    },
                )
            })
            .collect()
    }
}

/// The initial state of `machine`'s program, or how the program ends without any step.
pub(crate) enum Start {
    /// The program can move: goroutine 1 stands at its first operation.
    Running(State),
    /// The program ended before its first scheduling point.
    Ended(OutcomeKind),
    /// The initial state could not be built.
    Failed(StepError),
}

/// Builds the initial state once, before any execution.
pub(crate) fn start(machine: &Machine<'_>) -> Start {
    match machine.initial() {
        Err(error) => Start::Failed(error),
        Ok(state) => match machine.status(&state) {
            StateStatus::Ended(kind) => Start::Ended(kind),
            StateStatus::Running => Start::Running(state),
        },
    }
}
