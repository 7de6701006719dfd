//! The native explorer: explicit-state search over any [`Model`].

mod model;

pub use model::{Fingerprint, Model, OutcomeKind, StateStatus, StepError};
