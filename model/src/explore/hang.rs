//! The witness of a `hang`: a path to the first state from which no end is reachable, then a
//! walk through such states until one repeats, so that the witness ends on a cycle the program
//! can follow forever.
//!
//! The walk re-runs the model's steps from the initial state rather than storing a choice per
//! transition: it happens once per search, only when a hang was found.

use std::collections::HashMap;

use super::graph::HangRegion;
use super::result::{Found, StepFailure};
use super::visited::{StateIndex, Visited};
use super::{Fingerprint, Model, StepError};

/// A candidate next step of the walk.
struct Step<M: Model> {
    /// It leads back to a state the walk has visited (exactly, not a renaming).
    closes: bool,
    /// Its state's index in the visited set (up to symmetry).
    index: StateIndex,
    /// Its state's exact fingerprint.
    exact: Fingerprint,
    choice: M::Choice,
    next: M::State,
}

/// The `hang` outcome: `region.count` states cannot end; the witness reaches `region.first`
/// (the shallowest under breadth-first search) and ends on a cycle.
pub(crate) fn hang_outcome<M: Model>(
    model: &M,
    visited: &Visited<M::Choice>,
    region: &HangRegion,
) -> Result<Found<M::Choice>, StepFailure<M::Choice>> {
    let mut witness = visited.path_to(region.first);
    let failure = |error: StepError, witness: &[M::Choice]| StepFailure {
        error,
        witness: witness.to_vec(),
        choice: None,
    };
    let mut state = model.initial().map_err(|error| failure(error, &[]))?;
    for (step, &choice) in witness.iter().enumerate() {
        state = model
            .step(&state, choice)
            .map_err(|error| failure(error, &witness[..step]))?;
    }
    let prefix = witness.len();
    // Position in the walk of each state it has visited, by exact fingerprint: under a symmetry
    // the walk may come back to a renaming of a state before the state itself, and only the
    // state itself closes a cycle the program can follow forever.
    let mut walked: HashMap<Fingerprint, usize> =
        HashMap::from([(model.exact_fingerprint(&state), 0)]);
    let mut choices = Vec::new();
    loop {
        choices.clear();
        model.choices(&state, &mut choices);
        // Prefer a successor that closes the cycle; otherwise the one discovered first.
        let mut best: Option<Step<M>> = None;
        for &choice in &choices {
            let next = model
                .step(&state, choice)
                .map_err(|error| failure(error, &witness))?;
            let Some(index) = visited.index_of(model.fingerprint(&next)) else {
                continue;
            };
            if !region.contains(index) {
                continue;
            }
            let exact = model.exact_fingerprint(&next);
            let closes = walked.contains_key(&exact);
            let better = match &best {
                None => true,
                Some(best) => {
                    (closes && !best.closes) || (closes == best.closes && index < best.index)
                }
            };
            if better {
                best = Some(Step {
                    closes,
                    index,
                    exact,
                    choice,
                    next,
                });
            }
        }
        let Some(Step {
            closes,
            exact,
            choice,
            next,
            ..
        }) = best
        else {
            let message = "internal error: a state that cannot end has no successor that \
                           cannot end"
                .to_string();
            return Err(failure(StepError { message }, &witness));
        };
        witness.push(choice);
        if closes {
            return Ok(Found {
                count: region.count,
                cycle_start: Some(prefix + walked[&exact]),
                witness,
            });
        }
        walked.insert(exact, witness.len() - prefix);
        state = next;
    }
}
