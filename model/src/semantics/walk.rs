//! Running a schedule on the Go interpreter and recording its trace: the one routine behind
//! both the witnesses of a report and `replay`, so that the two print identical traces.

use super::{Choice, Machine, TraceStep};
use crate::explore::{Model, StepError};

/// The state type of the Go interpreter.
pub(crate) type GoState = <Machine<'static> as Model>::State;

/// A schedule run as far as it went.
pub(crate) struct Walk {
    /// One entry per step taken.
    pub trace: Vec<TraceStep>,
    /// The state reached after the last step taken.
    pub state: GoState,
    /// Why the walk stopped before the end of the schedule, if it did.
    pub failure: Option<WalkFailure>,
}

/// Why a walk stopped early.
pub(crate) enum WalkFailure {
    /// Step `step` (1-based) chose something not enabled in that state.
    NotEnabled {
        /// 1-based step number.
        step: usize,
        /// The choice asked for.
        choice: Choice,
        /// The choices that were enabled, in the model's order.
        enabled: Vec<Choice>,
    },
    /// Step `step` (1-based) failed.
    Step {
        /// 1-based step number.
        step: usize,
        /// The model's error.
        error: StepError,
    },
}

/// Runs `choices` from the initial state, checking that each is enabled. Fails only when the
/// initial state cannot be built.
pub(crate) fn walk(machine: &Machine<'_>, choices: &[Choice]) -> Result<Walk, StepError> {
    walk_observed(machine, choices, &mut |_| {})
}

/// [`walk`], showing `observe` the initial state and the state after each step taken, in order
/// (the HTML viewer's dump at every step comes from here, so it is the same run as the trace).
pub(crate) fn walk_observed(
    machine: &Machine<'_>,
    choices: &[Choice],
    observe: &mut dyn FnMut(&GoState),
) -> Result<Walk, StepError> {
    let mut state = machine.initial()?;
    observe(&state);
    let mut trace = Vec::with_capacity(choices.len());
    let mut enabled = Vec::new();
    for (index, &choice) in choices.iter().enumerate() {
        let step = index + 1;
        enabled.clear();
        machine.choices(&state, &mut enabled);
        if !enabled.contains(&choice) {
            let failure = WalkFailure::NotEnabled {
                step,
                choice,
                enabled,
            };
            return Ok(Walk {
                trace,
                state,
                failure: Some(failure),
            });
        }
        match machine.step_traced(&state, choice) {
            Ok((next, traced)) => {
                trace.push(traced);
                state = next;
                observe(&state);
            }
            Err(error) => {
                let failure = WalkFailure::Step { step, error };
                return Ok(Walk {
                    trace,
                    state,
                    failure: Some(failure),
                });
            }
        }
    }
    Ok(Walk {
        trace,
        state,
        failure: None,
    })
}
