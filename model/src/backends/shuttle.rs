//! The shuttle backend: `--iterations` executions under shuttle's random or PCT scheduler from
//! a fixed seed; the choices Go makes at random come from `shuttle::rand`, which the scheduler
//! seeds, so a seed gives the same executions on every run (unless the environment variable
//! `SHUTTLE_RANDOM_SEED` is set: shuttle then takes the seed from it).
//!
//! Goroutine 1 runs on shuttle's main thread. shuttle reports its own failures (a deadlock of
//! its threads, a step bound) by panicking; the backend never lets its threads deadlock, and a
//! panic that escapes anyway is caught here and reported as a failure of the backend.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex as StdMutex};

use ::shuttle::rand::{thread_rng, RngCore};
use ::shuttle::scheduler::{PctScheduler, RandomScheduler};
use ::shuttle::sync::{Condvar, Mutex, MutexGuard};
use ::shuttle::{Config, FailurePersistence, MaxSteps, Runner};

use super::harness::{self, DataChoices, ExecutionSettings, Shared, Threads};
use super::tally::{lock, Tally};
use super::{panic_message, BackendRun, Engine, Scheduler, Settings};
use crate::explore::StoppedBy;
use crate::program::Program;
use crate::semantics::State;

/// The stack of each thread.
const STACK_SIZE: usize = 1 << 20;

/// shuttle's own bound on scheduling points per execution, per step allowed: only a safety net,
/// the backend's step bound comes first.
const SHUTTLE_STEPS_PER_STEP: usize = 64;

/// shuttle's threads, mutex and condition variables.
struct Shuttle;

impl Threads for Shuttle {
    harness::std_like_sync!();

    fn spawn(body: impl FnOnce() + Send + 'static) {
        ::shuttle::thread::spawn(body);
    }
}

/// Data choices from shuttle's controlled randomness.
struct ShuttleRandom;

impl DataChoices for ShuttleRandom {
    fn choose(&mut self, arity: usize) -> usize {
        (thread_rng().next_u64() % arity as u64) as usize
    }
}

/// Runs the program under shuttle for the settings' iterations.
pub(super) fn run(program: &Arc<Program>, initial: State, settings: &Settings) -> BackendRun {
    let tally = Arc::new(StdMutex::new(Tally::default()));
    let initial = Arc::new(initial);
    let limits = ExecutionSettings {
        max_steps: settings.max_steps as usize,
        max_threads: None,
        races: settings.races,
    };
    let model = {
        let program = Arc::clone(program);
        let tally = Arc::clone(&tally);
        let cancel = settings.cancel.clone();
        move || {
            // PCT requires a scheduling decision between two runnable threads in its first
            // execution, which a program that never has two goroutines able to move at once
            // does not give it: a thread that does nothing always does.
            ::shuttle::thread::spawn(|| {});
            let Some(context) = harness::begin::<Shuttle>(
                &initial,
                &program,
                Box::new(ShuttleRandom),
                limits,
                &tally,
                cancel.as_deref(),
            ) else {
                return;
            };
            harness::run_goroutine::<Shuttle>(context, 1);
        }
    };
    let mut config = Config::new();
    config.stack_size = STACK_SIZE;
    config.failure_persistence = FailurePersistence::None;
    config.max_steps =
        MaxSteps::FailAfter((limits.max_steps + 16).saturating_mul(SHUTTLE_STEPS_PER_STEP));
    config.max_time = None;
    config.silence_warnings = true;
    #[cfg(feature = "loom")]
    super::SHUTTLE_HOOK.store(true, std::sync::atomic::Ordering::SeqCst);
    let iterations = usize::try_from(settings.iterations).unwrap_or(usize::MAX);
    let seed = settings.seed;
    let checked = catch_unwind(AssertUnwindSafe(|| match settings.scheduler {
        Scheduler::Random => {
            let scheduler = RandomScheduler::new_from_seed(seed, iterations);
            Runner::new(scheduler, config).run(model);
        }
        Scheduler::Pct { depth } => {
            let scheduler = PctScheduler::new_from_seed(seed, depth.max(1), iterations);
            Runner::new(scheduler, config).run(model);
        }
    }));
    let failure = checked
        .err()
        .map(|payload| format!("shuttle failed: {}", panic_message(&*payload)));
    let tally = std::mem::take(&mut *lock(&tally));
    let cancelled = settings
        .cancel
        .as_ref()
        .is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed));
    let stopped_by = if tally.step_error.is_some() {
        StoppedBy::StepError
    } else if failure.is_some() {
        StoppedBy::BackendFailure
    } else if cancelled {
        StoppedBy::Cancelled
    } else {
        StoppedBy::Iterations
    };
    BackendRun {
        engine: Engine::Shuttle,
        exhaustive: false,
        stopped_by: Some(stopped_by),
        tally,
        skipped: None,
        failure,
        vectors: None,
        elapsed: Default::default(),
    }
}
