//! [`Config`]: how to check a model, built stateright-style.

use std::fmt;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::backends::{Engine, Scheduler};
use crate::explore::{Progress, SearchOrder, StateStore};
use crate::program::Clock;
use crate::semantics::Reduction;

/// A progress callback, called about every 2¹⁶ states.
pub type ProgressCallback = Arc<dyn Fn(&Progress) + Send + Sync>;

/// How to check a model: the engine, the search order and bounds, the entry point and
/// overrides (which win over the model's header), a cancel flag and a progress callback.
///
/// ```
/// let config = gomc::Config::new().max_states(100_000).set("maxbg", "1");
/// # let _ = config;
/// ```
///
/// The loom and shuttle engines (cargo features `loom` and `shuttle`, both on by default) take
/// their own settings: `seed`, `iterations`, `scheduler` (shuttle) and `preemption_bound`
/// (loom); `max_depth` bounds the steps of one of their executions. See
/// [`backends`](crate::backends).
#[must_use]
#[derive(Clone, Default)]
pub struct Config {
    pub(crate) order: SearchOrder,
    pub(crate) max_states: Option<u64>,
    pub(crate) max_depth: Option<u32>,
    pub(crate) entry: Option<String>,
    pub(crate) overrides: Vec<(String, String)>,
    pub(crate) cancel: Option<Arc<AtomicBool>>,
    pub(crate) progress: Option<ProgressCallback>,
    pub(crate) engine: Engine,
    pub(crate) seed: u64,
    pub(crate) iterations: Option<u64>,
    pub(crate) scheduler: Scheduler,
    pub(crate) preemption_bound: Option<usize>,
    pub(crate) races: bool,
    pub(crate) clock: Option<Clock>,
    pub(crate) stop_at_first: bool,
    pub(crate) time_limit: Option<std::time::Duration>,
    pub(crate) max_memory: Option<u64>,
    pub(crate) reduction: Reduction,
    pub(crate) test_parallel: Option<u32>,
    pub(crate) test_short: bool,
    pub(crate) threads: usize,
    pub(crate) swarm: Option<Swarm>,
    pub(crate) store: StateStore,
}

/// `--swarm N`: the length of the job list, and which of its jobs to run here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Swarm {
    pub(crate) jobs: u32,
    /// `None`: every job.
    pub(crate) selected: Option<Vec<u32>>,
}

impl Config {
    /// Breadth-first, unbounded, entry from the header or `main`, no overrides.
    pub fn new() -> Self {
        Config::default()
    }

    /// Searches in this order (breadth-first by default).
    pub fn search(mut self, order: SearchOrder) -> Self {
        self.order = order;
        self
    }

    /// Stops the native search at the first violation found (a shortest one under
    /// breadth-first search); the report is then not exhaustive.
    pub fn stop_at_first(mut self, stop: bool) -> Self {
        self.stop_at_first = stop;
        self
    }

    /// How the native search stores the states it has seen: exactly (128-bit fingerprints, the
    /// default), hash-compacted (64 bits), or in a bitstate array, which may miss states and
    /// keeps no state graph (so no `hang` outcome); the report says which, with the expected
    /// number of states missed. It applies to the one native search: swarm jobs keep their own
    /// bounded exact stores and loom and shuttle store no states (the command line refuses
    /// `--hash-compact` and `--bitstate` with those).
    pub fn store(mut self, store: StateStore) -> Self {
        self.store = store;
        self
    }

    /// Stops the native search once it has run this long.
    pub fn time_limit(mut self, limit: std::time::Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    /// Stops the native search once the process's resident memory exceeds this many bytes
    /// (read from `/proc` on Linux; not applied where it cannot be read).
    pub fn max_memory(mut self, bytes: u64) -> Self {
        self.max_memory = Some(bytes);
        self
    }

    /// Stops after discovering this many distinct states.
    pub fn max_states(mut self, states: u64) -> Self {
        self.max_states = Some(states);
        self
    }

    /// Does not expand states this many steps from the initial state.
    pub fn max_depth(mut self, depth: u32) -> Self {
        self.max_depth = Some(depth);
        self
    }

    /// Starts from this top-level function instead of the header's `gomc:entry` or `main`.
    pub fn entry(mut self, name: impl Into<String>) -> Self {
        self.entry = Some(name.into());
        self
    }

    /// Overrides a package-level constant or variable, e.g. `set("maxbg", "1")`; wins over the
    /// header's `gomc:set` of the same name.
    pub fn set(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let name = name.into();
        self.overrides.retain(|(existing, _)| *existing != name);
        self.overrides.push((name, value.into()));
        self
    }

    /// Stops the search, reporting what it covered, once this flag is set.
    pub fn cancel_flag(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancel = Some(flag);
        self
    }

    /// Calls `callback` about every 2¹⁶ states with the search's progress.
    pub fn on_progress(mut self, callback: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(callback));
        self
    }

    /// Checks with this engine (the native explorer by default).
    pub fn engine(mut self, engine: Engine) -> Self {
        self.engine = engine;
        self
    }

    /// Seeds shuttle's scheduler (0 by default).
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Runs at most this many executions under loom or shuttle (defaults:
    /// [`DEFAULT_LOOM_ITERATIONS`](crate::backends::DEFAULT_LOOM_ITERATIONS),
    /// [`DEFAULT_SHUTTLE_ITERATIONS`](crate::backends::DEFAULT_SHUTTLE_ITERATIONS)).
    pub fn iterations(mut self, iterations: u64) -> Self {
        self.iterations = Some(iterations);
        self
    }

    /// Runs shuttle under this scheduler (random by default).
    pub fn scheduler(mut self, scheduler: Scheduler) -> Self {
        self.scheduler = scheduler;
        self
    }

    /// Bounds loom's preemptions per execution (unbounded by default; a bound makes the run not
    /// exhaustive).
    pub fn preemption_bound(mut self, bound: usize) -> Self {
        self.preemption_bound = Some(bound);
        self
    }

    /// Checks in race mode (as a model's `// gomc:races` header does): accesses to shared
    /// memory become scheduling points and data races are reported (on every engine).
    pub fn races(mut self, races: bool) -> Self {
        self.races = races;
        self
    }

    /// Threads computing successors in the native breadth-first search (1 by default; the CLI
    /// takes the machine's cores). The report is the same whatever the count.
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }

    /// Searches natively with a swarm of `jobs` small, diversified, bounded depth-first searches
    /// instead of one exhaustive search (`explore::explore_swarm`): for bugs in models too large
    /// to exhaust. `max_states` is then each job's budget (default
    /// [`DEFAULT_JOB_STATES`](crate::explore::DEFAULT_JOB_STATES)), `max_depth` caps the jobs'
    /// depth bounds, `seed` seeds the swarm, `threads` run jobs, and `stop_at_first` ends the
    /// swarm at the first violation a job finds. The report is never exhaustive.
    pub fn swarm(mut self, jobs: u32) -> Self {
        let selected = self.swarm.take().and_then(|swarm| swarm.selected);
        self.swarm = Some(Swarm { jobs, selected });
        self
    }

    /// Runs only these jobs of the swarm's list (numbers below its length, e.g. one machine's
    /// share); the JSON reports of the shares merge into the report of the whole list
    /// ([`merge_swarm_parts`](crate::check::merge_swarm_parts)).
    pub fn swarm_jobs(mut self, selected: Vec<u32>) -> Self {
        let jobs = self.swarm.as_ref().map_or(0, |swarm| swarm.jobs);
        self.swarm = Some(Swarm {
            jobs,
            selected: Some(selected),
        });
        self
    }

    /// `-parallel` for a test entry (`func TestXxx(t *testing.T)`), instead of
    /// `frontend::DEFAULT_TEST_PARALLEL`.
    pub fn test_parallel(mut self, parallel: u32) -> Self {
        self.test_parallel = Some(parallel);
        self
    }

    /// `-short` for a test entry: `testing.Short()` reports true (`go test -short`).
    pub fn test_short(mut self, short: bool) -> Self {
        self.test_short = short;
        self
    }

    /// The state-space reductions the native search applies (all by default; the README's
    /// "State-space reduction").
    pub fn reduction(mut self, reduction: Reduction) -> Self {
        self.reduction = reduction;
        self
    }

    /// The clock timers run on, instead of the header's `gomc:clock` (the README's "Time").
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The search order.
    pub fn order(&self) -> SearchOrder {
        self.order
    }

    /// The engine.
    pub fn engine_in_use(&self) -> Engine {
        self.engine
    }

    /// The overrides in effect for a model whose header sets `header`: the header's, then this
    /// configuration's, one per name, the configuration's winning.
    pub(crate) fn merged_overrides(&self, header: &[(String, String)]) -> Vec<(String, String)> {
        let mut merged: Vec<(String, String)> = Vec::new();
        for (name, value) in header.iter().chain(&self.overrides) {
            merged.retain(|(existing, _)| existing != name);
            merged.push((name.clone(), value.clone()));
        }
        merged
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("order", &self.order)
            .field("max_states", &self.max_states)
            .field("max_depth", &self.max_depth)
            .field("entry", &self.entry)
            .field("overrides", &self.overrides)
            .field("cancel", &self.cancel.is_some())
            .field("progress", &self.progress.is_some())
            .field("engine", &self.engine)
            .field("seed", &self.seed)
            .field("iterations", &self.iterations)
            .field("scheduler", &self.scheduler)
            .field("preemption_bound", &self.preemption_bound)
            .field("races", &self.races)
            .field("clock", &self.clock)
            .field("swarm", &self.swarm)
            .field("store", &self.store)
            .finish()
    }
}
