//! gomc: a deterministic model checker for Go concurrency.
#![deny(missing_docs)]

pub mod backends;
pub mod check;
pub mod cli;
pub mod explore;
pub mod frontend;
pub mod program;
pub mod report;
pub mod semantics;

pub use backends::{Engine, Scheduler};
pub use check::{check_file, check_source, replay, Config, Replay, ReplayError};
pub use report::{render_json, render_text, RenderOptions, Report, Schedule};
