//! The native explorer: explicit-state search over any [`Model`].
//!
//! [`explore`] runs one search loop, breadth-first by default (so that the first witness of each
//! outcome kind is a shortest one) or depth-first, over a visited set of state fingerprints. For
//! every discovered state it keeps only the fingerprint, its parent and the choice that reached
//! it; witnesses are rebuilt by walking parents. The explorer does no I/O; its caller draws
//! progress from the callback and stops it through the cancel flag.
//!
//! [`explore_swarm`] runs the same loop as many small, diversified, bounded depth-first searches
//! (a swarm, for models too large to exhaust), and [`merge_jobs`] merges what they found.

mod expand;
mod graph;
mod hang;
mod model;
mod result;
mod search;
mod swarm;
mod swarm_merge;
mod visited;

pub use expand::explore_parallel;
pub use model::{Fingerprint, Model, OutcomeKind, StateStatus, StepError};
pub use result::{Exploration, Found, Progress, Statistics, StepFailure, StoppedBy};
pub use search::{explore, MemoryLimit, SearchOptions, SearchOrder, PACK_FROM, PROGRESS_INTERVAL};
pub use swarm::{
    explore_swarm, JobEnd, JobRun, JobSettings, SharedMemoryLimit, SwarmExploration, SwarmLimits,
    SwarmPlan, DEFAULT_JOB_STATES,
};
pub use swarm_merge::merge_jobs;
pub use visited::StateStore;
