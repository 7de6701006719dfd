//! The semantics of the Go subset: a pure step function over a canonical, hashable state.
//!
//! Mirrors Go 1.23's runtime (runtime/chan.go, select.go, sema.go, proc.go, panic.go) and sync
//! package; each primitive's file names the file it follows and the invariants it keeps.
//!
//! A transition runs one goroutine's local computation and then exactly one synchronization
//! operation, and then the local computation of every goroutine that this operation started or
//! woke, up to their next synchronization operation (so that in every stored state each runnable
//! goroutine stands at a synchronization operation and its choices can be listed without running
//! it). This is exact for data-race-free programs (ARCHITECTURE.md, Contracts).

mod arith;
mod atomic;
mod canon;
mod canon_walk;
mod chan;
mod cond;
mod copy;
mod dump;
mod errors;
mod exec;
mod floatfmt;
mod format;
mod format_plus;
mod format_sharp;
mod gomath;
mod goroutine_cache;
mod heap;
mod iface;
mod invariants;
mod limits;
mod local;
mod machine_model;
mod maprange;
mod mutex;
mod once;
mod ops;
mod pack;
mod pointer;
mod print;
mod quote;
mod race;
mod reflect;
mod rwmutex;
mod schedule;
mod slice;
mod state;
mod strings;
mod symmetry;
mod syncmap;
mod timer;
mod unwind;
mod value;
mod view;
mod waitgroup;
mod wake;
pub(crate) mod walk;
mod zero;

pub use race::{RaceAccess, RaceView};
pub use schedule::{format_choice, format_schedule, Schedule, ScheduleError};
pub use state::State;
pub use value::{Gid, InnerPointer, Value};
pub use view::{FrameView, GoroutineStatus, GoroutineView, TraceStep};

use std::cell::RefCell;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::explore::StepError;
use crate::program::Program;
use exec::StepLog;
use state::{End, Goroutine, Status};

/// One enabled transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Choice {
    /// Goroutine `goroutine` takes its next operation; `alternative` picks among the ready cases
    /// of a `select` (case index; the case count for `default` or for parking when no case is
    /// ready) or the value of `gomc.Choose`, and is 0 otherwise.
    Run {
        /// Go's goroutine number.
        goroutine: u32,
        /// Which alternative.
        alternative: u32,
    },
    /// The `nth` timer (`time.After`) created by goroutine `owner` fires.
    FireTimer {
        /// The goroutine that created the timer.
        owner: u32,
        /// Its index among that goroutine's timers.
        nth: u32,
    },
}

thread_local! {
    /// The canonical form's buffers, one set per thread (a parallel search fingerprints on
    /// every thread), reused from one fingerprint to the next.
    static SCRATCH: RefCell<canon::Scratch> = RefCell::default();
}

/// The Go interpreter as a searchable state machine.
///
/// Choices are listed goroutine by goroutine in number order (each goroutine's alternatives in
/// ascending order), then the timers that may fire, in creation order.
///
/// In race mode ([`Machine::with_races`]) a goroutine also stops before each access to memory
/// another goroutine can reach, and takes that access as a transition of its own; a state in
/// which two goroutines stand at conflicting accesses is a data race
/// ([`Model::violation`](crate::explore::Model::violation) reports it, and the search goes on past it).
pub struct Machine<'p> {
    program: &'p Program,
    check_invariants: bool,
    races: Option<race::RaceMode>,
    cancel: Option<&'p AtomicBool>,
    reduction: Reduction,
}

/// The state-space reductions a search applies (all on by default). Each keeps every outcome
/// kind and the length of the shortest witness of each; turning one off gives the unreduced
/// search the tests compare against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Reduction {
    /// States that differ only by a permutation of goroutines are one state (`symmetry.rs`).
    pub symmetry: bool,
}

impl Default for Reduction {
    fn default() -> Self {
        Reduction::ALL
    }
}

impl Reduction {
    /// Every reduction.
    pub const ALL: Reduction = Reduction { symmetry: true };
    /// No reduction: the full state space.
    pub const NONE: Reduction = Reduction { symmetry: false };

    /// The reductions applied, as reports print them: `symmetry`, or `none`.
    pub fn names(self) -> &'static str {
        if self.symmetry {
            "symmetry"
        } else {
            "none"
        }
    }
}

impl<'p> Machine<'p> {
    /// A machine running `program`. State invariants are checked after every step in debug
    /// builds.
    pub fn new(program: &'p Program) -> Self {
        Machine::with_races(program, false)
    }

    /// A machine running `program`, in race mode when `races` is set (see the type's docs).
    pub fn with_races(program: &'p Program, races: bool) -> Self {
        Machine {
            program,
            check_invariants: cfg!(debug_assertions),
            races: races.then(|| race::RaceMode::new(program)),
            cancel: None,
            reduction: Reduction::ALL,
        }
    }

    /// The same machine, stopping a step that runs long (up to a million local instructions)
    /// as soon as `flag` is set: Ctrl-C is honoured within a step, which then fails with a step
    /// error that the explorer, seeing the flag, reports as the cancellation.
    pub fn cancel_flag(mut self, flag: &'p AtomicBool) -> Self {
        self.cancel = Some(flag);
        self
    }

    /// The same machine, applying only the reductions in `reduction`.
    pub fn with_reduction(mut self, reduction: Reduction) -> Self {
        self.reduction = reduction;
        self
    }

    /// The reductions the machine applies.
    pub fn reduction(&self) -> Reduction {
        self.reduction
    }

    /// Whether the machine runs in race mode.
    pub fn races(&self) -> bool {
        self.races.is_some()
    }

    /// The data race of a state in race mode: two goroutines standing at conflicting accesses
    /// to one location (the first such pair by goroutine numbers). Always `None` outside race
    /// mode.
    pub fn race(&self, state: &State) -> Option<RaceView> {
        if self.races.is_some() {
            race::find(self.program, state)
        } else {
            None
        }
    }

    /// The program it runs.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    fn transition(
        &self,
        state: &State,
        choice: Choice,
        log: &mut StepLog,
    ) -> Result<State, StepError> {
        let mut st = state.clone();
        match choice {
            Choice::Run {
                goroutine,
                alternative,
            } => {
                self.check_choice(state, goroutine)?;
                let instr = ops::current_instr(self.program, state, goroutine);
                // Only a `Choose` has its operand on the stack to look at.
                if *instr == crate::program::Instr::Choose {
                    if let Value::Int(n) = state.goroutine(goroutine).peek(0) {
                        if let Some(message) = limits::check_choice(*n) {
                            return Err(StepError { message });
                        }
                    }
                }
                if *instr == crate::program::Instr::MapRangeNext {
                    if let Some(message) = maprange::check_left(state, goroutine) {
                        return Err(StepError { message });
                    }
                }
                if instr.is_sync() {
                    ops::exec_sync(self.program, &mut st, goroutine, alternative, log);
                } else {
                    // Race mode: the goroutine stands at an access to shared memory.
                    exec::exec_access(self.program, &mut st, goroutine, log)?;
                }
                exec::run_local_with(
                    self.program,
                    &mut st,
                    goroutine,
                    log,
                    self.races.as_ref(),
                    self.cancel,
                )?;
            }
            Choice::FireTimer { owner, nth } => {
                timer::fire(self.program, &mut st, owner, nth, log)?
            }
        }
        self.run_woken(&mut st, log)?;
        timer::collect_unreachable_tickers(&mut st);
        if self.check_invariants {
            invariants::check(self.program, &st, self.races.is_some()).map_err(|broken| {
                StepError {
                    message: format!("internal error: state invariant broken: {broken}"),
                }
            })?;
        }
        Ok(st)
    }

    /// Runs the local code of the goroutines the step started or woke, up to their next
    /// scheduling point; then, once none can run, a goroutine in `synctest.Wait` resumes
    /// (`timer::wake_synctest_waiter`) and runs in turn.
    fn run_woken(&self, st: &mut State, log: &mut StepLog) -> Result<(), StepError> {
        let mut index = 0;
        loop {
            while index < log.woken.len() + log.started.len() {
                let g = if index < log.started.len() {
                    log.started[index]
                } else {
                    log.woken[index - log.started.len()]
                };
                exec::run_local_with(self.program, st, g, log, self.races.as_ref(), self.cancel)?;
                index += 1;
            }
            let before = log.woken.len();
            timer::wake_synctest_waiter(self.program, st, log);
            if log.woken.len() == before {
                return Ok(());
            }
        }
    }

    fn check_choice(&self, state: &State, goroutine: u32) -> Result<(), StepError> {
        let runnable = goroutine >= 1
            && (goroutine as usize) <= state.goroutines.len()
            && state.goroutine(goroutine).status == Status::Runnable
            && state.end.is_none();
        if runnable {
            Ok(())
        } else {
            Err(StepError {
                message: format!("goroutine {goroutine} cannot move in this state"),
            })
        }
    }

    /// Takes `choice` like [`Model::step`](crate::explore::Model::step) and describes the transition for a trace.
    pub fn step_traced(
        &self,
        state: &State,
        choice: Choice,
    ) -> Result<(State, TraceStep), StepError> {
        let (goroutine, operation, function, span) = match choice {
            Choice::Run {
                goroutine,
                alternative,
            } => {
                self.check_choice(state, goroutine)?;
                let frame = state.goroutine(goroutine).top();
                let view = dump::frame_view(self.program, frame.func, frame.pc);
                let operation = if ops::current_instr(self.program, state, goroutine).is_sync() {
                    ops::describe(self.program, state, goroutine, alternative)
                } else {
                    race::describe(self.program, state, goroutine)
                };
                (goroutine, operation, view.function, view.span)
            }
            Choice::FireTimer { owner, nth } => (
                0,
                timer::describe_firing(self.program, state, owner, nth),
                String::new(),
                Default::default(),
            ),
        };
        let mut log = StepLog::default();
        let next = self.transition(state, choice, &mut log)?;
        let mut operation = operation;
        if goroutine != 0 {
            if let Status::Blocked(reason) = next.goroutine(goroutine).status {
                operation = format!("{operation}: blocked [{}]", dump::wait_reason(reason));
            }
        }
        let (file, line, _) = self.program.position(span);
        let location = if goroutine == 0 {
            String::new()
        } else {
            format!("{file}:{line}")
        };
        let step = TraceStep {
            goroutine,
            function,
            location,
            span,
            operation,
            woke: log.woken,
            started: log.started,
            output: log.output,
        };
        Ok((next, step))
    }

    /// The goroutine dump of a state, in goroutine-number order, dead goroutines left out.
    pub fn goroutines(&self, state: &State) -> Vec<GoroutineView> {
        dump::goroutines(self.program, state)
    }

    /// For a state that ended in a panic: the goroutine that panicked and Go's message after
    /// `panic: ` (or the whole `fatal error: ...` line for a fatal runtime error).
    pub fn panic_message(&self, state: &State) -> Option<(u32, String)> {
        match &state.end {
            Some(End::Panic {
                goroutine, message, ..
            }) => Some((*goroutine, message.clone())),
            _ => None,
        }
    }
}

impl Machine<'_> {
    /// The initial state, with what main prints before its first scheduling point in `log`.
    fn initial_logged(&self, log: &mut StepLog) -> Result<State, StepError> {
        let program = self.program;

        let mut main = Goroutine {
            id: 1,
            parent: 0,
            spawn_index: 0,
            created_at: None,
            spawned: 0,
            timers_created: 0,
            status: Status::Runnable,
            stack: Vec::new(),
            frames: Vec::new(),
            defers: Vec::new(),
            unwinding: Vec::new(),
            woken_retry: false,
            cache: Default::default(),
        };
        let locals = program.function(program.start).locals as usize;
        main.stack.resize(locals, Value::Nil);
        main.frames.push(state::Frame {
            func: program.start,
            pc: 0,
            base: 0,
            env: None,
            returning: false,
            deferred_call: false,
        });
        let mut st = State {
            goroutines: vec![Arc::new(main)],
            globals: Arc::new(vec![Value::Nil; program.globals.len()]),
            heap: Arc::default(),
            chans: Arc::default(),
            syncs: Arc::default(),
            timers: Vec::new(),
            now: 0,
            entry_returned: false,
            end: None,
        };
        exec::run_local_with(program, &mut st, 1, log, self.races.as_ref(), self.cancel)?;
        self.run_woken(&mut st, log)?;
        Ok(st)
    }

    /// What main prints before its first scheduling point (the trace's steps start after it).
    pub fn initial_output(&self) -> Vec<String> {
        let mut log = StepLog::default();
        let _ = self.initial_logged(&mut log);
        log.output
    }
}

/// The machine is shared by the threads of a parallel search (`explore_parallel`), which move
/// states and choices between them and read the states of a batch together.
const _: () = {
    const fn assert_sync<T: Sync>() {}
    const fn assert_send<T: Send>() {}
    assert_sync::<Machine<'static>>();
    assert_sync::<State>();
    assert_send::<State>();
    assert_send::<Choice>();
};
