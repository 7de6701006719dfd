//! gomc: a deterministic model checker for Go concurrency.
//!
//! gomc takes Go code (a program, or the `TestXxx` functions of a `_test.go` file) that keeps
//! the concurrency of the code in question: goroutines, channels, `select`, package sync,
//! atomics, context, timers, `defer`/`panic`/`recover`/`Goexit`. It explores every interleaving
//! of its goroutines, deterministically, and either shows that within the stated bounds no
//! deadlock, goroutine leak, hang, panic or data race is reachable, or reports the shortest
//! interleaving that reaches one: a Go-style goroutine dump, the trace with source lines, and a
//! schedule string that replays it exactly.
//!
//! # An example
//!
//! A worker sends its result on an unbuffered channel, but `main` gives up first when the
//! timeout fires; the worker stays blocked for good:
//!
//! ```
//! use gomc::explore::OutcomeKind;
//!
//! let model = r#"
//! package main
//!
//! import "time"
//!
//! func main() {
//!     result := make(chan int)
//!     go func() { result <- 42 }()
//!     select {
//!     case <-result:
//!     case <-time.After(time.Second):
//!     }
//! }
//! "#;
//! let report = gomc::check_source("timeout.go", model, &gomc::Config::new()).unwrap();
//! assert!(report.exhaustive);
//! assert_eq!(report.violations, [OutcomeKind::Leak]);
//! // The shortest run that leaks, as a schedule `gomc replay` takes:
//! let leak = report.outcome(OutcomeKind::Leak).unwrap();
//! println!("{}", leak.witness.schedule);
//! ```
//!
//! Asserting a model's verdict from `cargo test` is that one line:
//! `assert_eq!(gomc::check_file("model.go", &gomc::Config::new())?.violations, [...])`; a
//! model with a `// gomc:expect` header carries its expectation itself
//! ([`Report::verdict`]).
//!
//! # Writing a model
//!
//! A model is a valid Go file, `package main`, whose `main` (or the function a
//! `// gomc:entry` header or [`Config::entry`] names) is the entry. Keep the goroutines and
//! the synchronisation of the code in question, and replace what gomc does not model (files,
//! the network) by the values it could produce: `gomc.Choose(n)` and `gomc.Bool()` from the
//! helper package `gomc` are choices the checker explores in full. Bounds that make a state
//! space finite (how many jobs, workers, retries) are constants, overridden with
//! [`Config::set`] or `--set`. The README lists the supported subset of Go and its standard
//! library, the headers, and each limitation, each pinned by a test.
//!
//! # How it works
//!
//! [`frontend`] parses the files with tree-sitter-go, type-checks them far enough to report
//! Go's errors at Go's positions, and lowers them to a [`program::Program`], a stack machine.
//! [`semantics`] runs one goroutine step at a time on a [`semantics::Machine`] state, mirroring
//! the Go runtime (channels, sync, timers, panics), and computes canonical fingerprints,
//! reduced by goroutine symmetry. [`explore`] searches the state graph breadth-first (shortest
//! witnesses) or depth-first, on one thread or several with the same result, and classifies
//! the outcomes; [`report`] builds the [`Report`] and renders it as text, JSON or an HTML
//! viewer. [`backends`] runs the same program under the loom and shuttle schedulers, as
//! independent cross-checks whose verdicts must agree with the native one. [`check`] ties
//! these together for files, directories and `gomc test`; [`cli`] is the `gomc` command.
//! `ARCHITECTURE.md` in the repository describes the contracts between these parts.
//!
//! The modules are public so that the tests and tools of this repository can reach every
//! layer; the stable surface for users is what this page re-exports.
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
