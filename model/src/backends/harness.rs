//! What the loom and shuttle adapters share: the program state their threads share, and one
//! thread's turn at it (the tally of what the executions reached is in `tally.rs`).
//!
//! Each goroutine runs on a thread of its own. The threads share one [`Shared`] behind the
//! backend's mutex; a thread whose goroutine cannot move waits on its own condition variable.
//! A turn ([`Shared::turn`]) is taken with the mutex held: the goroutine takes one step of the
//! interpreter (`Machine::step` with one of its `Choice::Run` choices), timers may fire, and
//! then the turn says whom to wake and which new goroutines need threads. The turn that ends
//! the program (every goroutine blocked or done, a panic, `os.Exit`) records the outcome in the
//! [`Tally`] and sets the ending, after which every thread leaves: the waiting ones are woken
//! one after the other ([`Shared::next_to_wake`]), so that the backend never sees all of its
//! threads blocked (loom aborts the process on that: tokio-rs/loom#291).
//!
//! Choices that Go makes at random (which ready `select` case, the value of `gomc.Choose`,
//! whether and which timer fires after a step) are asked of a [`DataChoices`], which each
//! backend implements in its own way.

use std::ops::DerefMut;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex as StdMutex, MutexGuard as StdMutexGuard};

use super::tally::{lock, Tally, ThreadLimit};
use crate::explore::{Model, OutcomeKind, StateStatus, StepFailure};
use crate::program::Program;
use crate::semantics::{Choice, Machine, State};

/// The threads, mutex and condition variables of a backend.
pub(crate) trait Threads: Sized + 'static {
    /// The mutex around the shared state.
    type Mutex: Send + Sync + 'static;
    /// A held lock of it.
    type Guard<'a>: DerefMut<Target = Shared<Self::Wake>>;
    /// What wakes one waiting thread (its condition variable).
    type Wake: Clone + Send + Sync + 'static;

    /// A mutex holding `shared`.
    fn new_mutex(shared: Shared<Self::Wake>) -> Self::Mutex;
    /// Locks it.
    fn lock(mutex: &Self::Mutex) -> Self::Guard<'_>;
    /// A new condition variable.
    fn new_wake() -> Self::Wake;
    /// Releases the lock, waits until woken, locks again.
    fn wait<'a>(wake: &Self::Wake, guard: Self::Guard<'a>) -> Self::Guard<'a>;
    /// Wakes the thread waiting on `wake`.
    fn notify(wake: &Self::Wake);
    /// Starts a thread.
    fn spawn(body: impl FnOnce() + Send + 'static);
    /// Called by the thread whose turn ended the execution, before the threads leave.
    fn ended() {}
    /// Called, with the mutex held, after a turn woke or started other threads: lets them run
    /// up to their attempt to lock the mutex (see [`run_goroutine`]).
    fn let_others_block() {}
}

/// The items of [`Threads`] for a backend whose `sync` module mirrors std's `Mutex`,
/// `MutexGuard` and `Condvar` (loom's and shuttle's both do): used inside `impl Threads`, with
/// the backend's three types and `Arc` in scope. Poisoning is ignored: a panic in a turn is
/// reported on its own.
macro_rules! std_like_sync {
    () => {
        type Mutex = Mutex<Shared<Self::Wake>>;
        type Guard<'a> = MutexGuard<'a, Shared<Self::Wake>>;
        type Wake = Arc<Condvar>;

        fn new_mutex(shared: Shared<Self::Wake>) -> Self::Mutex {
            Mutex::new(shared)
        }

        fn lock(mutex: &Self::Mutex) -> Self::Guard<'_> {
            mutex
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        }

        fn new_wake() -> Self::Wake {
            Arc::new(Condvar::new())
        }

        fn wait<'a>(wake: &Self::Wake, guard: Self::Guard<'a>) -> Self::Guard<'a> {
            wake.wait(guard)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        }

        fn notify(wake: &Self::Wake) {
            wake.notify_one();
        }
    };
}
pub(crate) use std_like_sync;

/// What the threads of one execution share.
pub(crate) struct Context<T: Threads> {
    /// The shared state, behind the backend's mutex.
    pub mutex: T::Mutex,
    /// The program.
    pub program: Arc<Program>,
    /// Whether the program runs in race mode.
    pub races: bool,
}

/// The body of goroutine `me`'s thread: turns until the execution ends. Goroutine 1's thread
/// starts the execution.
///
/// After a turn that woke or started other threads, the thread lets them run, with the mutex
/// still held, up to their attempt to lock it ([`Threads::let_others_block`]): so when the mutex
/// is released next, every thread whose goroutine can move is blocked on it, and the backend's
/// choice of the thread that locks it is exactly the choice of the goroutine that moves next.
/// Otherwise loom also explores the order in which woken threads reach the mutex: it ran the
/// 1,805 schedules of one small program 51,893 times; with it, each exactly once.
pub(crate) fn run_goroutine<T: Threads>(context: Arc<Context<T>>, me: u32) {
    let machine = Machine::with_races(&context.program, context.races);
    let mut guard = T::lock(&context.mutex);
    let mut turn = if me == 1 {
        guard.start(&machine)
    } else {
        guard.turn(&machine, me)
    };
    loop {
        match turn {
            Turn::Stepped { start, wait } => {
                let spawned = !start.is_empty();
                for goroutine in start {
                    let wake = T::new_wake();
                    guard.add_thread(goroutine, wake);
                    let context = Arc::clone(&context);
                    T::spawn(move || run_goroutine(context, goroutine));
                }
                let woke = guard.take_wakes();
                let others = !woke.is_empty() || spawned;
                for wake in woke {
                    T::notify(&wake);
                }
                if others {
                    T::let_others_block();
                }
                if wait {
                    let wake = guard.wake_of(me);
                    guard = T::wait(&wake, guard);
                } else {
                    drop(guard);
                    guard = T::lock(&context.mutex);
                }
            }
            Turn::Wait => {
                let wake = guard.wake_of(me);
                guard = T::wait(&wake, guard);
            }
            Turn::Finished | Turn::Leave => {
                if matches!(turn, Turn::Finished) {
                    T::ended();
                }
                if let Some(wake) = guard.next_to_wake() {
                    T::notify(&wake);
                }
                return;
            }
        }
        turn = guard.turn(&machine, me);
    }
}

/// Where a backend takes the values of the choices Go makes at random.
pub(crate) trait DataChoices: Send {
    /// One of `arity` (at least 2) alternatives, in `0..arity`.
    fn choose(&mut self, arity: usize) -> usize;

    /// Called once when the execution ends, by the thread that ended it.
    fn execution_ended(&mut self) {}
}

/// What a turn asks of the thread that took it.
pub(crate) enum Turn {
    /// The goroutine took a step and the program goes on: start a thread for each of these
    /// goroutines, wake the threads in [`Shared::take_wakes`], then release the mutex and take
    /// another turn (or, when `wait` is set, wait at once: the goroutine blocked or ended, and
    /// a turn that only found that out would be an interleaving point of the backend that is
    /// none of the program, multiplying loom's executions).
    Stepped {
        /// New goroutines that can move, in number order.
        start: Vec<u32>,
        /// The goroutine that took the step cannot move now: its thread is counted as waiting.
        wait: bool,
    },
    /// The goroutine cannot move: wait on its condition variable.
    Wait,
    /// This turn ended the execution and recorded its result: wake the next waiting thread and
    /// leave.
    Finished,
    /// The execution had already ended: wake the next waiting thread and leave.
    Leave,
}

/// How an execution ended.
#[derive(Clone, Debug)]
enum Ending {
    /// The program ended in this outcome.
    Outcome(OutcomeKind),
    /// The interpreter could not take a step.
    StepError,
    /// A goroutine needed a thread beyond the backend's limit: the goroutine, and how many
    /// goroutine threads the execution would then have.
    ThreadLimit { goroutine: u32, threads: usize },
    /// The execution reached the step bound while the program could still move.
    StepBound,
}

/// One goroutine's thread: `wake` is the backend's handle that wakes it.
pub(crate) struct Slot<W> {
    goroutine: u32,
    waiting: bool,
    wake: W,
}

/// The state the threads of one execution share, behind the backend's mutex.
pub(crate) struct Shared<W> {
    state: State,
    schedule: Vec<Choice>,
    ending: Option<Ending>,
    slots: Vec<Slot<W>>,
    wakes: Vec<usize>,
    data: Box<dyn DataChoices>,
    limits: ExecutionSettings,
    tally: Arc<StdMutex<Tally>>,
    execution: u64,
    /// Whether this execution has met a data race (race mode): it counts once.
    raced: bool,
}

/// How one execution runs: its bounds, and whether in race mode.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExecutionSettings {
    /// The most steps an execution may take; one that reaches it with the program still running
    /// is cut off and counted as such.
    pub max_steps: usize,
    /// The most threads (one per goroutine that could move) an execution may have.
    pub max_threads: Option<usize>,
    /// Race mode (`Machine::with_races`): accesses to shared memory are steps of their own, and
    /// a state whose goroutines stand at conflicting accesses is a data race.
    pub races: bool,
}

impl<W: Clone> Shared<W> {
    /// The state at the start of execution `execution` (from [`Tally::begin`]): goroutine 1 is
    /// given a thread whose wake handle is `wake`. The state must be running, with goroutine 1
    /// its only goroutine.
    pub fn new(
        initial: State,
        wake: W,
        data: Box<dyn DataChoices>,
        limits: ExecutionSettings,
        tally: Arc<StdMutex<Tally>>,
        execution: u64,
    ) -> Self {
        Shared {
            state: initial,
            schedule: Vec::new(),
            ending: None,
            slots: vec![Slot {
                goroutine: 1,
                waiting: false,
                wake,
            }],
            wakes: Vec::new(),
            data,
            limits,
            tally,
            execution,
            raced: false,
        }
    }

    /// Registers the thread started for goroutine `goroutine` after a [`Turn::Stepped`].
    pub fn add_thread(&mut self, goroutine: u32, wake: W) {
        self.slots.push(Slot {
            goroutine,
            waiting: false,
            wake,
        });
    }

    /// The wake handles of the threads the last turn made able to move.
    pub fn take_wakes(&mut self) -> Vec<W> {
        let wakes = std::mem::take(&mut self.wakes);
        wakes
            .into_iter()
            .map(|index| self.slots[index].wake.clone())
            .collect()
    }

    /// The wake handle of goroutine `goroutine`'s thread.
    pub fn wake_of(&self, goroutine: u32) -> W {
        self.slot(goroutine).wake.clone()
    }

    /// After the execution ended: the wake handle of one thread still waiting, which is then no
    /// longer counted as waiting. Each leaving thread wakes the next, so that they leave one
    /// after the other.
    pub fn next_to_wake(&mut self) -> Option<W> {
        let slot = self.slots.iter_mut().find(|slot| slot.waiting)?;
        slot.waiting = false;
        Some(slot.wake.clone())
    }

    fn slot(&self, goroutine: u32) -> &Slot<W> {
        self.slots
            .iter()
            .find(|slot| slot.goroutine == goroutine)
            .expect("internal error: a goroutine without a thread took a turn")
    }

    fn slot_mut(&mut self, goroutine: u32) -> &mut Slot<W> {
        self.slots
            .iter_mut()
            .find(|slot| slot.goroutine == goroutine)
            .expect("internal error: a goroutine without a thread took a turn")
    }

    /// Goroutine `me`'s turn, with the mutex held.
    pub fn turn(&mut self, machine: &Machine<'_>, me: u32) -> Turn {
        if self.ending.is_some() {
            return Turn::Leave;
        }
        let mut choices = Vec::new();
        machine.choices(&self.state, &mut choices);
        let mine: Vec<Choice> = choices
            .iter()
            .copied()
            .filter(|choice| matches!(choice, Choice::Run { goroutine, .. } if *goroutine == me))
            .collect();
        let choice = match mine.len() {
            0 => {
                self.slot_mut(me).waiting = true;
                return Turn::Wait;
            }
            1 => mine[0],
            arity => mine[self.choose(arity)],
        };
        if !self.take(machine, choice) {
            return self.finish(Ending::StepError);
        }
        self.settle(machine, me)
    }

    /// At the start of an execution, with the mutex held: what goroutine 1's thread must do
    /// before its first turn (normally nothing but take it).
    pub fn start(&mut self, machine: &Machine<'_>) -> Turn {
        self.settle(machine, 1)
    }

    /// After a step: lets timers fire (a data choice after every step while timers are
    /// pending; forced while no goroutine can move), classifies the state, and lists the
    /// threads to start and to wake. `me` is the goroutine whose thread holds the mutex.
    fn settle(&mut self, machine: &Machine<'_>, me: u32) -> Turn {
        let mut choices = Vec::new();
        loop {
            choices.clear();
            machine.choices(&self.state, &mut choices);
            let timers: Vec<Choice> = choices
                .iter()
                .copied()
                .filter(|choice| matches!(choice, Choice::FireTimer { .. }))
                .collect();
            if timers.is_empty() {
                break;
            }
            let can_move = choices.len() > timers.len();
            let arity = timers.len() + usize::from(can_move);
            let pick = if arity == 1 { 0 } else { self.choose(arity) };
            if can_move && pick == 0 {
                break;
            }
            let timer = timers[pick - usize::from(can_move)];
            if !self.take(machine, timer) {
                return self.finish(Ending::StepError);
            }
        }
        if let StateStatus::Ended(kind) = machine.status(&self.state) {
            return self.finish(Ending::Outcome(kind));
        }
        if self.schedule.len() >= self.limits.max_steps {
            return self.finish(Ending::StepBound);
        }
        let mut runnable: Vec<u32> = choices
            .iter()
            .filter_map(|choice| match choice {
                Choice::Run { goroutine, .. } => Some(*goroutine),
                Choice::FireTimer { .. } => None,
            })
            .collect();
        runnable.dedup();
        let start: Vec<u32> = runnable
            .iter()
            .copied()
            .filter(|goroutine| !self.slots.iter().any(|slot| slot.goroutine == *goroutine))
            .collect();
        if let Some(max) = self.limits.max_threads {
            if self.slots.len() + start.len() > max {
                let threads = self.slots.len() + start.len();
                let goroutine = start[max.saturating_sub(self.slots.len())];
                return self.finish(Ending::ThreadLimit { goroutine, threads });
            }
        }
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if slot.waiting && runnable.contains(&slot.goroutine) {
                slot.waiting = false;
                self.wakes.push(index);
            }
        }
        let wait = !runnable.contains(&me);
        if wait {
            self.slot_mut(me).waiting = true;
        }
        Turn::Stepped { start, wait }
    }

    /// Takes one step; on a step error, records it as the ending's cause.
    fn take(&mut self, machine: &Machine<'_>, choice: Choice) -> bool {
        match machine.step(&self.state, choice) {
            Ok(next) => {
                self.state = next;
                self.schedule.push(choice);
                self.note_race(machine);
                true
            }
            Err(error) => {
                let failure = StepFailure {
                    error,
                    witness: self.schedule.clone(),
                    choice: Some(choice),
                };
                self.tally().step_failed(failure);
                false
            }
        }
    }

    /// In race mode, records the first data race of the execution, as the native explorer
    /// does (`Model::violation`): the state that shows it is still running and the execution
    /// goes on, so that what the race leads to is reached too.
    fn note_race(&mut self, machine: &Machine<'_>) {
        if !self.limits.races || self.raced {
            return;
        }
        if machine.status(&self.state) != StateStatus::Running {
            return;
        }
        if let Some(kind) = machine.violation(&self.state) {
            self.raced = true;
            let execution = self.execution;
            self.tally().reached(kind, &self.schedule, execution);
        }
    }

    fn choose(&mut self, arity: usize) -> usize {
        self.tally().data_choices = true;
        let pick = self.data.choose(arity);
        debug_assert!(pick < arity, "internal error: a data choice out of range");
        pick.min(arity - 1)
    }

    /// Ends the execution and records it.
    fn finish(&mut self, ending: Ending) -> Turn {
        self.data.execution_ended();
        let execution = self.execution;
        let steps = self.schedule.len();
        let mut tally = self.tally();
        tally.steps += steps as u64;
        tally.longest = tally.longest.max(steps);
        match &ending {
            Ending::Outcome(kind) => tally.reached(*kind, &self.schedule, execution),
            Ending::StepError => {}
            Ending::ThreadLimit { goroutine, threads } => {
                if tally.thread_limit.is_none() {
                    tally.thread_limit = Some(ThreadLimit {
                        goroutine: *goroutine,
                        threads: *threads,
                        schedule: self.schedule.clone(),
                    });
                }
                tally.stop = true;
            }
            Ending::StepBound => tally.cut += 1,
        }
        drop(tally);
        self.ending = Some(ending);
        Turn::Finished
    }

    fn tally(&self) -> StdMutexGuard<'_, Tally> {
        lock(&self.tally)
    }
}

/// Begins one execution: its shared state, with goroutine 1's thread registered (the backend
/// then runs [`run_goroutine`] for goroutine 1). `None` when the run has stopped or was
/// cancelled: the execution must then return at once.
pub(crate) fn begin<T: Threads>(
    initial: &State,
    program: &Arc<Program>,
    data: Box<dyn DataChoices>,
    limits: ExecutionSettings,
    tally: &Arc<StdMutex<Tally>>,
    cancel: Option<&AtomicBool>,
) -> Option<Arc<Context<T>>> {
    let cancelled = cancel.is_some_and(|flag| flag.load(Ordering::Relaxed));
    let execution = lock(tally).begin(cancelled)?;
    let shared = Shared::new(
        initial.clone(),
        T::new_wake(),
        data,
        limits,
        Arc::clone(tally),
        execution,
    );
    Some(Arc::new(Context {
        mutex: T::new_mutex(shared),
        program: Arc::clone(program),
        races: limits.races,
    }))
}
