//! The loom backend: every interleaving of the goroutines' steps, by loom's DPOR search, once
//! per choice vector (see the [module documentation](super) for what that explores).
//!
//! loom runs each execution's threads as coroutines on the calling thread. The model closure
//! starts goroutine 1 on a spawned thread (loom's main thread has a fixed 32 KiB stack) and
//! returns; the execution ends when every thread has left. Once a turn has ended the program,
//! the backend calls `loom::stop_exploring`: the order in which the threads then leave is not
//! an interleaving of the program, and exploring it would multiply the executions for nothing.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex as StdMutex};

use ::loom::sync::{Condvar, Mutex, MutexGuard};

use super::harness::{self, DataChoices, ExecutionSettings, Shared, Threads};
use super::tally::{lock, Tally};
use super::{panic_message, BackendRun, Engine, Settings};
use crate::explore::StoppedBy;
use crate::program::Program;
use crate::semantics::State;

/// The most goroutines that can have run in one loom execution: loom's thread limit less its
/// main thread.
pub const MAX_GOROUTINES: usize = ::loom::MAX_THREADS - 1;

/// The stack of each goroutine thread.
const STACK_SIZE: usize = 1 << 20;

/// loom's bound on branch points per execution, per step allowed.
const BRANCHES_PER_STEP: usize = 8;

/// The payload that stops loom once the run has stopped (a step error, the thread limit,
/// Ctrl-C).
struct Stop;

/// loom's threads, mutex and condition variables.
struct Loom;

impl Threads for Loom {
    harness::std_like_sync!();

    fn spawn(body: impl FnOnce() + Send + 'static) {
        ::loom::thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn(body)
            .expect("internal error: loom refused to spawn a thread");
    }

    fn ended() {
        ::loom::stop_exploring();
    }

    /// `yield_now` with the mutex held: loom runs the woken and started threads until they
    /// block on the mutex, then comes back.
    fn let_others_block() {
        ::loom::thread::yield_now();
    }
}

/// The data choices of one loom execution, taken from its choice vector.
struct VectorChoices {
    vector: Arc<Vec<u32>>,
    arities: Vec<u32>,
    children: Arc<StdMutex<BTreeSet<Vec<u32>>>>,
}

impl DataChoices for VectorChoices {
    fn choose(&mut self, arity: usize) -> usize {
        let position = self.arities.len();
        self.arities.push(arity as u32);
        match self.vector.get(position) {
            Some(&pick) if (pick as usize) < arity => pick as usize,
            _ => 0,
        }
    }

    /// Every choice met past the vector's end took alternative 0; each other alternative of
    /// each of them is a vector to run.
    fn execution_ended(&mut self) {
        let mut children = lock(&self.children);
        for position in self.vector.len()..self.arities.len() {
            for pick in 1..self.arities[position] {
                let mut child = Vec::with_capacity(position + 1);
                child.extend_from_slice(&self.vector);
                child.resize(position, 0);
                child.push(pick);
                children.insert(child);
            }
        }
    }
}

thread_local! {
    /// Set while this thread runs loom: panics are then caught and reported by the backend, so
    /// the panic hook stays quiet.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Whether the quiet hook is installed, and whether it was installed after shuttle's.
static HOOK: StdMutex<(bool, bool)> = StdMutex::new((false, false));

/// Keeps the panic hook quiet for panics on threads running loom. loom's coroutines end by
/// panicking (the generator crate's `Done`, which its own hook hides); a hook installed later,
/// as shuttle's is, would print them. So the quiet hook goes on top once, and once more after
/// shuttle installed its own.
fn quiet_panics() {
    #[cfg(feature = "shuttle")]
    let after_shuttle = super::SHUTTLE_HOOK.load(std::sync::atomic::Ordering::SeqCst);
    #[cfg(not(feature = "shuttle"))]
    let after_shuttle = false;
    let mut hook = lock(&HOOK);
    let (installed, installed_after_shuttle) = *hook;
    if installed && (installed_after_shuttle || !after_shuttle) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !QUIET.with(Cell::get) {
            previous(info);
        }
    }));
    *hook = (true, after_shuttle);
}

/// Marks this thread quiet until dropped.
struct Quiet;

impl Quiet {
    fn new() -> Quiet {
        quiet_panics();
        QUIET.with(|quiet| quiet.set(true));
        Quiet
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        QUIET.with(|quiet| quiet.set(false));
    }
}

/// Runs the program under loom, once per choice vector, within the settings' bounds.
pub(super) fn run(program: &Arc<Program>, initial: State, settings: &Settings) -> BackendRun {
    let _quiet = Quiet::new();
    let tally = Arc::new(StdMutex::new(Tally::default()));
    let children = Arc::new(StdMutex::new(BTreeSet::new()));
    let initial = Arc::new(initial);
    let limits = ExecutionSettings {
        max_steps: settings.max_steps as usize,
        max_threads: Some(MAX_GOROUTINES),
        races: settings.races,
    };
    let mut pending: Vec<Vec<u32>> = vec![Vec::new()];
    let mut seen: BTreeSet<Vec<u32>> = BTreeSet::new();
    seen.insert(Vec::new());
    let mut vectors = 0;
    let mut out_of_iterations = false;
    let mut failure = None;
    while let Some(vector) = pending.pop() {
        let executions = lock(&tally).executions;
        let remaining = settings.iterations.saturating_sub(executions);
        if remaining == 0 {
            out_of_iterations = true;
            break;
        }
        let model = {
            let program = Arc::clone(program);
            let initial = Arc::clone(&initial);
            let tally = Arc::clone(&tally);
            let children = Arc::clone(&children);
            let cancel = settings.cancel.clone();
            let vector = Arc::new(vector);
            move || {
                let data = Box::new(VectorChoices {
                    vector: Arc::clone(&vector),
                    arities: Vec::new(),
                    children: Arc::clone(&children),
                });
                let Some(context) = harness::begin::<Loom>(
                    &initial,
                    &program,
                    data,
                    limits,
                    &tally,
                    cancel.as_deref(),
                ) else {
                    // loom replays its recorded branch points in every execution, so an
                    // execution cannot just return: stop loom itself. `resume_unwind` does not
                    // run the panic hook, so nothing is printed.
                    std::panic::resume_unwind(Box::new(Stop));
                };
                Loom::spawn(move || harness::run_goroutine::<Loom>(context, 1));
            }
        };
        let checked = catch_unwind(AssertUnwindSafe(|| {
            let mut builder = ::loom::model::Builder::new();
            builder.max_threads = ::loom::MAX_THREADS;
            builder.max_branches = limits.max_steps * BRANCHES_PER_STEP + 64;
            builder.max_permutations = Some(usize::try_from(remaining + 1).unwrap_or(usize::MAX));
            builder.max_duration = None;
            builder.preemption_bound = settings.preemption_bound;
            builder.checkpoint_file = None;
            // Checked at every execution, so that `max_permutations` stops loom exactly.
            builder.checkpoint_interval = 1;
            builder.expect_explicit_explore = false;
            builder.location = false;
            builder.log = false;
            builder.check(model);
        }));
        vectors += 1;
        if let Err(payload) = checked {
            if !payload.is::<Stop>() {
                failure = Some(format!("loom failed: {}", panic_message(&*payload)));
            }
            break;
        }
        let ran = lock(&tally).executions - executions;
        if ran >= remaining {
            // loom stopped at `max_permutations` (or finished with exactly that many).
            out_of_iterations = true;
            break;
        }
        if lock(&tally).stop {
            break;
        }
        let mut new: Vec<Vec<u32>> = std::mem::take(&mut *lock(&children))
            .into_iter()
            .filter(|child| seen.insert(child.clone()))
            .collect();
        // A stack: the smallest vector runs next.
        new.reverse();
        pending.extend(new);
    }
    let tally = std::mem::take(&mut *lock(&tally));
    let cancelled = settings
        .cancel
        .as_ref()
        .is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed));
    let skipped = tally.thread_limit.as_ref().map(|limit| {
        format!(
            "skipped for loom: the model runs more than {MAX_GOROUTINES} goroutines, and loom \
             models at most {} threads, one of them its main thread (goroutine {} would need \
             goroutine thread {}; schedule to its start: {})",
            ::loom::MAX_THREADS,
            limit.goroutine,
            limit.threads,
            crate::semantics::format_schedule(&limit.schedule),
        )
    });
    let stopped_by = if tally.step_error.is_some() {
        Some(StoppedBy::StepError)
    } else if failure.is_some() {
        Some(StoppedBy::BackendFailure)
    } else if skipped.is_some() {
        Some(StoppedBy::ThreadLimit)
    } else if cancelled {
        Some(StoppedBy::Cancelled)
    } else if out_of_iterations || !pending.is_empty() {
        Some(StoppedBy::Iterations)
    } else if settings.preemption_bound.is_some() {
        Some(StoppedBy::PreemptionBound)
    } else if tally.cut > 0 {
        Some(StoppedBy::MaxDepth)
    } else {
        None
    };
    BackendRun {
        engine: Engine::Loom,
        exhaustive: stopped_by.is_none(),
        stopped_by,
        tally,
        skipped,
        failure,
        vectors: Some(vectors),
        elapsed: Default::default(),
    }
}
