//! The Go machine as the explorer's [`Model`] (`explore/model.rs`): the enabled choices of a
//! state in their documented order (runnable goroutines by id, each alternative of a select
//! or a random choice, then the timers that may fire), its fingerprint (canonical, with or
//! without symmetry) and its status: running, or ended with which outcome kind.

use super::exec::StepLog;
use super::state::{End, Status};
use super::{canon, ops, pack, timer, Choice, Machine, State, SCRATCH};
use crate::explore::{Fingerprint, Model, OutcomeKind, StateStatus, StepError};

impl Model for Machine<'_> {
    type State = State;
    type Choice = Choice;
    type Packed = pack::Packed;

    fn pack(&self, state: State, compact: bool) -> pack::Packed {
        pack::Packed::new(state, compact)
    }

    fn unpack(&self, packed: pack::Packed) -> State {
        packed.into_state()
    }

    fn initial(&self) -> Result<State, StepError> {
        self.initial_logged(&mut StepLog::default())
    }

    fn choices(&self, state: &State, out: &mut Vec<Choice>) {
        if state.end.is_some() {
            return;
        }
        let mut runnable = false;
        for goroutine in &state.goroutines {
            if goroutine.status == Status::Runnable {
                runnable = true;
                let id = goroutine.id;
                ops::alternatives(self.program, state, id, &mut |alternative| {
                    out.push(Choice::Run {
                        goroutine: id,
                        alternative,
                    })
                });
            }
        }
        if !runnable && !timer::keep_alive(self.program, state) {
            // An end (`status`): the pending timers cannot wake anyone.
            return;
        }
        timer::may_fire(self.program, state, &mut |timer| {
            out.push(Choice::FireTimer {
                owner: timer.owner,
                nth: timer.nth,
            })
        });
    }

    fn step(&self, state: &State, choice: Choice) -> Result<State, StepError> {
        self.transition(state, choice, &mut StepLog::default())
    }

    fn violation(&self, state: &State) -> Option<OutcomeKind> {
        self.race(state).map(|_| OutcomeKind::Race)
    }

    fn exact_fingerprint(&self, state: &State) -> Fingerprint {
        SCRATCH.with(|scratch| {
            canon::fingerprint(self.program, state, &mut scratch.borrow_mut(), false)
        })
    }

    fn fingerprint(&self, state: &State) -> Fingerprint {
        SCRATCH.with(|scratch| {
            canon::fingerprint(
                self.program,
                state,
                &mut scratch.borrow_mut(),
                self.reduction.symmetry,
            )
        })
    }

    fn status(&self, state: &State) -> StateStatus {
        match &state.end {
            Some(End::Exit(code)) => return StateStatus::Ended(OutcomeKind::Exit(*code)),
            Some(End::Panic { .. }) => return StateStatus::Ended(OutcomeKind::Panic),
            Some(End::TestFailed(_)) => return StateStatus::Ended(OutcomeKind::Fail),
            None => {}
        }
        let mut blocked = false;
        for goroutine in &state.goroutines {
            match goroutine.status {
                Status::Runnable => return StateStatus::Running,
                Status::Blocked(_) => blocked = true,
                Status::Dead => {}
            }
        }
        if timer::keep_alive(self.program, state) {
            return StateStatus::Running;
        }
        StateStatus::Ended(if !state.entry_returned {
            // Includes goroutine 1 ending in Goexit with every other goroutine done: Go's
            // "no goroutines (main called runtime.Goexit) - deadlock!".
            OutcomeKind::Deadlock
        } else if blocked {
            OutcomeKind::Leak
        } else {
            OutcomeKind::Ok
        })
    }
}
