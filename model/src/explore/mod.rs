//! The native explorer: explicit-state search over any [`Model`].
//!
//! [`explore`] runs one search loop, breadth-first by default (so that the first witness of each
//! outcome kind is a shortest one) or depth-first, over a visited set of state fingerprints. For
//! every discovered state it keeps only the fingerprint, its parent and the choice that reached
//! it; witnesses are rebuilt by walking parents. The explorer does no I/O; its caller draws
//! progress from the callback and stops it through the cancel flag.

mod expand;
mod graph;
mod hang;
mod model;
mod result;
mod search;
mod visited;

pub use expand::explore_parallel;
pub use model::{Fingerprint, Model, OutcomeKind, StateStatus, StepError};
pub use result::{Exploration, Found, Progress, Statistics, StepFailure, StoppedBy};
pub use search::{explore, MemoryLimit, SearchOptions, SearchOrder, PROGRESS_INTERVAL};
