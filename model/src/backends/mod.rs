//! The loom and shuttle backends: the same compiled [`crate::program::Program`] run under
//! [loom](https://docs.rs/loom) and [shuttle](https://docs.rs/shuttle), as checks of the
//! native explorer that do not share its search.
//!
//! # How a program runs on them
//!
//! Each goroutine runs on a backend thread of its own. The interpreter's state is shared behind
//! the backend's `Mutex`; a thread whose goroutine can move takes one step of the interpreter
//! (`Machine::step`) with the mutex held, and a thread whose goroutine is blocked waits on its
//! own `Condvar` until a step makes it able to move. A goroutine started by a step gets a new
//! thread, spawned by the thread that took the step. So the backend's scheduler decides which
//! goroutine moves next, and every interleaving it explores is one the native explorer has too.
//! The backend detects the end of the program itself (every goroutine blocked or done, a
//! panic, `os.Exit`: `Model::status`), records the outcome and the schedule that reached it, and
//! wakes its threads one after the other so that they leave: it never leaves all of its threads
//! blocked, which loom answers by aborting the process (tokio-rs/loom#291). After a step that
//! woke or started goroutines, the stepping thread yields with the mutex held, so that the woken
//! threads reach the mutex before it is released: the backend's choice of who locks it next is
//! then exactly the choice of the goroutine that moves next, and loom runs each schedule of
//! the program once (without this, one small program's 1,805 schedules took 51,893 loom
//! executions).
//!
//! The choices Go makes at random are not thread interleavings: which of several ready
//! `select` cases is taken, the value of `gomc.Choose`/`gomc.Bool`, and whether a pending timer
//! fires (after every step, while a timer is pending, the backend chooses between firing none
//! and firing one of them; when no goroutine can move, one must fire).
//!
//! - **shuttle** takes them from its controlled randomness (`shuttle::rand`), which its
//!   schedulers seed, so that a seed and a scheduler give the same executions on every run.
//! - **loom** explores thread interleavings only. The data choices are resolved by a *choice
//!   vector*: the k-th data choice of an execution takes alternative `vector[k]`, and 0 (the
//!   first ready case in source order, `Choose` = 0, no timer firing while a goroutine can move)
//!   past its end. The backend runs loom once per vector, starting with the empty one, and
//!   derives new vectors from the data choices each execution met (for every choice met past
//!   the vector's end, one vector per other alternative). When every vector so derived has been
//!   run and no bound stopped loom, every combination of interleaving and data choices has been
//!   explored: the run is exhaustive, and its outcome kinds equal the native explorer's.
//!
//! Every witness is the list of [`Choice`](crate::semantics::Choice)s an execution took: the
//! native `replay` accepts it, and reports replay it natively for the trace and the goroutine
//! dump.
//!
//! In race mode (`--races`, `gomc:races`) the backends step the same race-mode machine
//! (`Machine::with_races`), so an access to shared memory is a step of its own and the
//! backend's scheduler interleaves the accesses as it does synchronization operations. After
//! every step the execution asks the machine whether the state shows a data race
//! (`Model::violation`, as the native explorer does); the first one is recorded as a `race`
//! outcome of that execution, which then goes on, so that the lost update the race allows is
//! reached too.
//!
//! # What each cannot do
//!
//! - loom models at most `loom::MAX_THREADS` (5 in loom 0.7) threads, one of them its
//!   main thread, whose fixed 32 KiB stack is too tight for the interpreter (16 KiB overflows
//!   in a debug build); so at most 4 goroutines can have run in one execution (a goroutine
//!   counts from its `go` statement to the end of the execution, even after it has returned; one
//!   that ends before its first operation needs no thread). A larger model is reported as
//!   skipped, with the goroutine that had no thread, never dropped silently.
//! - loom explores every interleaving without merging states, so its cost grows with the number
//!   of schedules, not of states; `--iterations` bounds the executions and `--preemption-bound`
//!   the preemptions per execution, as loom counts them (either makes the run not
//!   exhaustive).
//! - shuttle samples schedules: it can find a violation, never prove there is none.
//! - Both bound the length of one execution (`--max-depth`, default
//!   [`DEFAULT_MAX_STEPS`]): a program that can loop forever (a spin on `select` with `default`)
//!   is cut there, and the run then is not exhaustive.
//! - An outcome's count is the number of executions that ended in it, not of distinct states.
//! - shuttle reads the environment variable `SHUTTLE_RANDOM_SEED`, which overrides `--seed`.

#[cfg(any(feature = "loom", feature = "shuttle"))]
mod harness;
#[cfg(feature = "loom")]
mod loom;
#[cfg(feature = "shuttle")]
mod shuttle;
#[cfg(any(feature = "loom", feature = "shuttle"))]
mod tally;

#[cfg(any(feature = "loom", feature = "shuttle"))]
use std::sync::atomic::AtomicBool;
#[cfg(any(feature = "loom", feature = "shuttle"))]
use std::sync::Arc;
#[cfg(any(feature = "loom", feature = "shuttle"))]
use std::time::{Duration, Instant};

use serde::Serialize;

#[cfg(any(feature = "loom", feature = "shuttle"))]
use crate::explore::{OutcomeKind, StoppedBy};
#[cfg(any(feature = "loom", feature = "shuttle"))]
use crate::program::Program;
#[cfg(any(feature = "loom", feature = "shuttle"))]
use crate::semantics::Machine;

#[cfg(any(feature = "loom", feature = "shuttle"))]
pub(crate) use tally::Tally;

/// The most steps one execution of a backend may take unless `--max-depth` says otherwise.
pub const DEFAULT_MAX_STEPS: u32 = 1_000;

/// How many executions a loom run may take unless `--iterations` says otherwise.
pub const DEFAULT_LOOM_ITERATIONS: u64 = 100_000;

/// How many executions a shuttle run takes unless `--iterations` says otherwise.
pub const DEFAULT_SHUTTLE_ITERATIONS: u64 = 1_000;

/// The depth of shuttle's PCT scheduler unless `--pct-depth` says otherwise.
pub const DEFAULT_PCT_DEPTH: usize = 3;

/// The engine that checks a model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Engine {
    /// The native explicit-state explorer: exhaustive, with shortest witnesses.
    #[default]
    Native,
    /// The loom backend (cargo feature `loom`).
    #[cfg(feature = "loom")]
    Loom,
    /// The shuttle backend (cargo feature `shuttle`).
    #[cfg(feature = "shuttle")]
    Shuttle,
}

impl Engine {
    /// `native`, `loom` or `shuttle`.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Native => "native",
            #[cfg(feature = "loom")]
            Engine::Loom => "loom",
            #[cfg(feature = "shuttle")]
            Engine::Shuttle => "shuttle",
        }
    }

    /// The engine of this name, if this build has it.
    pub fn from_name(name: &str) -> Option<Engine> {
        match name {
            "native" => Some(Engine::Native),
            #[cfg(feature = "loom")]
            "loom" => Some(Engine::Loom),
            #[cfg(feature = "shuttle")]
            "shuttle" => Some(Engine::Shuttle),
            _ => None,
        }
    }
}

/// The scheduler shuttle runs the model under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Scheduler {
    /// shuttle's `RandomScheduler`: a runnable thread chosen uniformly at every step.
    #[default]
    Random,
    /// shuttle's `PctScheduler` (probabilistic concurrency testing) with this many priority
    /// change points per execution.
    Pct {
        /// The bug depth PCT aims at.
        depth: usize,
    },
}

impl Scheduler {
    /// `random` or `pct depth 3`.
    pub fn describe(self) -> String {
        match self {
            Scheduler::Random => "random".to_string(),
            Scheduler::Pct { depth } => format!("pct depth {depth}"),
        }
    }
}

/// How a backend runs: built from a [`Config`](crate::Config).
#[cfg(any(feature = "loom", feature = "shuttle"))]
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    /// shuttle's seed.
    pub seed: u64,
    /// The most executions.
    pub iterations: u64,
    /// shuttle's scheduler.
    pub scheduler: Scheduler,
    /// loom's bound on preemptions per execution.
    pub preemption_bound: Option<usize>,
    /// The most steps of one execution.
    pub max_steps: u32,
    /// Stops the run once set.
    pub cancel: Option<Arc<AtomicBool>>,
    /// Race mode (the model's `gomc:races` or `--races`).
    pub races: bool,
}

/// What a backend run found, before it is made a report.
#[cfg(any(feature = "loom", feature = "shuttle"))]
#[derive(Debug)]
pub(crate) struct BackendRun {
    /// Which backend.
    pub engine: Engine,
    /// What the executions reached.
    pub tally: Tally,
    /// Whether every interleaving and data choice was explored (loom only).
    pub exhaustive: bool,
    /// Why it is not exhaustive.
    pub stopped_by: Option<StoppedBy>,
    /// Why the model was skipped (loom's thread limit).
    pub skipped: Option<String>,
    /// A failure of the backend itself (a panic caught at the boundary), in words.
    pub failure: Option<String>,
    /// How many choice vectors loom ran.
    pub vectors: Option<u64>,
    /// The wall-clock time of the run.
    pub elapsed: Duration,
}

/// How a backend run went, as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BackendReport {
    /// `shuttle`'s scheduler (`random`, `pct depth 3`), `null` for loom.
    pub scheduler: Option<String>,
    /// shuttle's seed, `null` for loom.
    pub seed: Option<u64>,
    /// The bound on executions.
    pub iterations: u64,
    /// loom's bound on preemptions, if any.
    pub preemption_bound: Option<usize>,
    /// The bound on the steps of one execution.
    pub max_steps: u32,
    /// Executions run.
    pub executions: u64,
    /// Executions cut off by `max_steps` while the program could still move.
    pub cut: u64,
    /// Whether an execution met a choice Go makes at random (several ready `select` cases,
    /// `gomc.Choose`, a pending timer).
    pub data_choices: bool,
    /// How many choice vectors loom ran (`null` for shuttle).
    pub vectors: Option<u64>,
    /// Why the model was not run (loom's thread limit), if it was not.
    pub skipped: Option<String>,
    /// A failure of the backend itself, caught and reported instead of crashing.
    pub failure: Option<String>,
}

/// Runs `program` under `engine` (loom or shuttle).
#[cfg(any(feature = "loom", feature = "shuttle"))]
pub(crate) fn run(engine: Engine, program: &Arc<Program>, settings: &Settings) -> BackendRun {
    let started = Instant::now();
    let machine = Machine::with_races(program, settings.races);
    let initial = match tally::start(&machine) {
        tally::Start::Running(state) => state,
        tally::Start::Ended(kind) => return without_steps(engine, Some(kind), None, started),
        tally::Start::Failed(error) => {
            return without_steps(engine, None, Some(error), started);
        }
    };
    let mut run = match engine {
        Engine::Native => unreachable!("internal error: the native explorer is not a backend"),
        #[cfg(feature = "loom")]
        Engine::Loom => loom::run(program, initial, settings),
        #[cfg(feature = "shuttle")]
        Engine::Shuttle => shuttle::run(program, initial, settings),
    };
    run.elapsed = started.elapsed();
    run
}

/// The run of a program that ends, or fails, before its first step: one execution.
#[cfg(any(feature = "loom", feature = "shuttle"))]
fn without_steps(
    engine: Engine,
    kind: Option<OutcomeKind>,
    error: Option<crate::explore::StepError>,
    started: Instant,
) -> BackendRun {
    let mut tally = Tally {
        executions: 1,
        ..Tally::default()
    };
    if let Some(kind) = kind {
        tally.outcomes.insert(
            kind,
            tally::Reached {
                count: 1,
                first_execution: 1,
                witness: Vec::new(),
            },
        );
    }
    let stopped_by = error.as_ref().map(|_| StoppedBy::StepError);
    tally.step_error = error.map(|error| crate::explore::StepFailure {
        error,
        witness: Vec::new(),
        choice: None,
    });
    BackendRun {
        engine,
        tally,
        exhaustive: stopped_by.is_none(),
        stopped_by,
        skipped: None,
        failure: None,
        vectors: None,
        elapsed: started.elapsed(),
    }
}

/// Set before the first shuttle run: shuttle then installs a panic hook of its own (once per
/// process), which prints for every panic, the ones loom's coroutines use to end included.
#[cfg(all(feature = "loom", feature = "shuttle"))]
static SHUTTLE_HOOK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The message of a caught panic (also of one the native engine contains: `check/mod.rs`).
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_string()
    }
}

#[cfg(any(feature = "loom", feature = "shuttle"))]
impl Settings {
    /// The settings of `engine` in `config`, in race mode when `races` is set (by the
    /// configuration or the model's header).
    pub(crate) fn from_config(engine: Engine, config: &crate::Config, races: bool) -> Settings {
        let default_iterations = if engine.name() == "loom" {
            DEFAULT_LOOM_ITERATIONS
        } else {
            DEFAULT_SHUTTLE_ITERATIONS
        };
        Settings {
            seed: config.seed,
            iterations: config.iterations.unwrap_or(default_iterations),
            scheduler: config.scheduler,
            preemption_bound: config.preemption_bound,
            max_steps: config.max_depth.unwrap_or(DEFAULT_MAX_STEPS),
            cancel: config.cancel.clone(),
            races,
        }
    }
}
