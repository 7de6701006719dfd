//! gomc: a deterministic model checker for Go concurrency.
#![deny(missing_docs)]

pub mod explore;
pub mod frontend;
pub mod program;
pub mod semantics;
