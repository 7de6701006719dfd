//! The semantics of the Go subset: a pure step function over a canonical, hashable state.
//!
//! Mirrors Go 1.23's runtime (runtime/chan.go, select.go, sema.go, proc.go, panic.go) and sync
//! package; each primitive's file names the file it follows and the invariants it keeps.
//!
//! A transition runs one goroutine's local computation and then exactly one synchronization
//! operation, and then the local computation of every goroutine that this operation started or
//! woke, up to their next synchronization operation (so that in every stored state each runnable
//! goroutine stands at a synchronization operation and its choices can be listed without running
//! it). This is exact for data-race-free programs (DESIGN §3).

mod view;

pub use view::{FrameView, GoroutineStatus, GoroutineView, TraceStep};

use crate::explore::{Fingerprint, Model, StateStatus, StepError};
use crate::program::Program;

/// One enabled transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Choice {
    /// Goroutine `goroutine` takes its next operation; `alternative` picks among the ready cases
    /// of a `select` (case index, or the case count for `default`) or the value of
    /// `gomc.Choose`, and is 0 otherwise.
    Run {
        /// Go's goroutine number.
        goroutine: u32,
        /// Which alternative.
        alternative: u32,
    },
    /// The timer behind the channel created by the `time.After` of goroutine
    /// `owner`'s `nth` timer fires.
    FireTimer {
        /// The goroutine that created the timer.
        owner: u32,
        /// Its index among that goroutine's timers.
        nth: u32,
    },
}

/// The Go interpreter as a searchable state machine.
pub struct Machine<'p> {
    program: &'p Program,
}

/// A state of the whole program: every goroutine, the heap, channels, sync objects, globals.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {}

impl<'p> Machine<'p> {
    /// A machine running `program`.
    pub fn new(program: &'p Program) -> Self {
        Machine { program }
    }

    /// The program it runs.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// Takes `choice` like [`Model::step`] and describes the transition for a trace.
    pub fn step_traced(
        &self,
        state: &State,
        choice: Choice,
    ) -> Result<(State, TraceStep), StepError> {
        let _ = (state, choice);
        Err(StepError { message: "semantics not yet written".into() })
    }

    /// The goroutine dump of a state, in goroutine-number order, dead goroutines left out.
    pub fn goroutines(&self, state: &State) -> Vec<GoroutineView> {
        let _ = state;
        Vec::new()
    }

    /// For a state that ended in a panic: Go's panic line, e.g.
    /// `panic: send on closed channel` and the goroutine that panicked.
    pub fn panic_message(&self, state: &State) -> Option<(u32, String)> {
        let _ = state;
        None
    }
}

impl Model for Machine<'_> {
    type State = State;
    type Choice = Choice;

    fn initial(&self) -> Result<State, StepError> {
        Err(StepError { message: "semantics not yet written".into() })
    }

    fn choices(&self, state: &State, out: &mut Vec<Choice>) {
        let _ = (state, out);
    }

    fn step(&self, state: &State, choice: Choice) -> Result<State, StepError> {
        self.step_traced(state, choice).map(|(next, _)| next)
    }

    fn fingerprint(&self, state: &State) -> Fingerprint {
        let _ = state;
        0
    }

    fn status(&self, state: &State) -> StateStatus {
        let _ = state;
        StateStatus::Running
    }
}
