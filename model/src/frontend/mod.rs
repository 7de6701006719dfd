//! The front end: Go source (a subset) → [`Program`].
//!
//! tree-sitter-go parses the file; lowering resolves names, checks types far enough to pick
//! field indices, zero values and sync operations, and emits the stack-machine code described in
//! `program::instr`. Anything outside the supported subset is a [`ModelError`] that names the
//! construct and points at it; nothing is silently skipped.

mod error;

pub use error::ModelError;

use crate::program::{Program, SourceFile};

/// How to compile a model.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// The entry function (a top-level function without parameters or results); `main` when
    /// `None`.
    pub entry: Option<String>,
    /// Overrides of package-level constants and variables with a literal initializer, as
    /// `(name, value)`, e.g. `("maxbg", "4")`. The value is parsed as a Go literal of the
    /// declaration's type (int, bool or string). An unknown name is an error.
    pub overrides: Vec<(String, String)>,
}

/// Compiles a model file.
pub fn compile(file: SourceFile, options: &CompileOptions) -> Result<Program, ModelError> {
    let _ = options;
    Err(ModelError::without_position(&file.name, "front end not yet written"))
}
