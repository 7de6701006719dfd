//! The front end: Go source (a subset) → [`Program`].
//!
//! tree-sitter-go parses the file; lowering resolves names, checks types far enough to pick
//! field indices, zero values and sync operations, and emits the stack-machine code described in
//! `program::instr`. Anything outside the supported subset is a [`ModelError`] that names the
//! construct and points at it; nothing is silently skipped.
//!
//! # The subset
//!
//! Supported: `package main` with imports of fmt, os, runtime, sync, sync/atomic, time, errors,
//! strings, log, math, math/rand (`Intn`: a choice), context, golang.org/x/sync/errgroup (the last
//! two, and time's timers, written in Go under `model/src/stdlib/`) and the helper package
//! (`gomc`, or a path ending in `/gomc`); package-level `var`,
//! `const` (iota, implicit repetition, folding), `type` (structs with embedded fields, defined
//! non-struct types, aliases); functions with multiple and named results (also captured by
//! deferred closures: `Instr::ResultCells`), variadic parameters; methods with value and
//! pointer receivers (`main.T.M`, `main.(*T).M`), promoted through embedded fields; `init`
//! functions; local type declarations; function literals capturing by reference; the integer
//! kinds (wrapping around: `Instr::Wrap`), `float64` and `float32` (`float.rs`), bool, string,
//! structs, arrays (literals, `[...]T`,
//! element assignment), pointers (also to struct fields and to slice and array elements),
//! slices, maps, channels with directions, function values, interface types with methods
//! (values boxed with their dynamic type, dynamic dispatch, type assertions and switches,
//! user-defined error types), method values and expressions, `nil`; every statement the
//! README lists except those below;
//! `go`, `defer`, `panic`, `recover` (also `defer recover()`), `runtime.Goexit`/`Gosched`,
//! `os.Exit`, `time.Sleep`, `time.After`, the duration constants; `sync.Mutex`, `RWMutex`,
//! `WaitGroup` (with `Go`), `Once`, `Cond` (`NewCond`, `L`, `Wait`, `Signal`, `Broadcast`),
//! `Map`, `Locker`; the sync/atomic functions on int32/int64/uint32/uint64 (Add, Load, Store,
//! CompareAndSwap, Swap) and the types `atomic.Bool`, `Int32`, `Int64`, `Uint32`, `Uint64`;
//! `errors.New`, `errors.Is`, `errors.As`, `errors.Unwrap`, `fmt.Errorf` (with `%w`), `err.Error()`;
//! `fmt.Println`/`Print`/`Printf`/`Sprintf`/`Sprint`, `println`/`print`;
//! `gomc.Choose`/`gomc.Bool`; `min`/`max`.
//!
//! Lowered by a documented simplification: `println` prints like `fmt.Println`.
//!
//! A [`ModelError`] ("unsupported Go construct: ..."): complex numbers, method values of sync methods with arguments or results,
//! slicing an array that is not a variable, `%T` in `fmt.Errorf`, and any library function not listed above (the error lists what
//! the package offers, `supported.rs`).
//!
//! Which variables live in heap cells (captured by a function literal, or whose address is
//! taken) is only known once the functions using them have been lowered; lowering therefore
//! runs again, with those variables boxed from their declaration on, whenever a pass finds one
//! that was not (at most a few passes: the set only grows).

mod address;
mod args;
mod assert;
mod assign;
mod assignment;
mod binary;
mod builtin;
mod call;
mod checks;
mod clock;
mod composite;
mod constant;
mod constfold;
mod constraints;
mod control;
mod conversion;
mod copylocks;
mod dynamic;
mod error;
mod expr;
mod float;
mod fmtargs;
mod fmtsharp;
mod fprint;
mod func;
mod generic_types;
mod generic_values;
mod generics;
mod goroutine;
mod goto;
mod imports;
mod indexcall;
mod initcycle;
mod literal;
mod lowerer;
mod methodvalue;
mod overrides;
mod package;
mod place;
mod rangefunc;
mod resolve;
mod selector;
mod signatures;
mod stdcall;
mod stmt;
mod strings;
mod supported;
mod switch;
mod syncmethod;
mod syntax;
mod terminating;
mod types;
mod typing;
mod unused;
mod values;
mod variables;

pub use error::ModelError;

use std::collections::BTreeSet;

use crate::program::{Clock, Program, SourceFile};
use lowerer::Lowerer;
use syntax::Source;

/// How to compile a model.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// The entry function (a top-level function without parameters or results, or a test
    /// `func TestXxx(t *testing.T)`, run as `go test` runs it); `main` when `None`.
    pub entry: Option<String>,
    /// Overrides of package-level constants and variables with a literal initializer, as
    /// `(name, value)`, e.g. `("maxbg", "4")`. The value is parsed as a Go literal of the
    /// declaration's type (int, bool or string). An unknown name is an error.
    pub overrides: Vec<(String, String)>,
    /// The Go release the model targets, as its minor version (`22` for Go 1.22), where
    /// releases differ: loop variables are per iteration from 22, timers drop stale values
    /// from 23. `None`: [`CURRENT_GO_MINOR`].
    pub go_minor: Option<u32>,
    /// The clock timers run on (a `gomc:clock` header or `--clock`); `None`: the synctest
    /// clock for a model importing "testing/synctest", else the untimed one.
    pub clock: Option<Clock>,
    /// `-parallel` for a test entry: how many parallel tests may run at once; `None`:
    /// [`DEFAULT_TEST_PARALLEL`].
    pub test_parallel: Option<u32>,
    /// `-short` for a test entry: what `testing.Short()` reports (false unless set, as in `go
    /// test`).
    pub test_short: bool,
}

/// `-parallel` of a test entry unless set: `go test` takes GOMAXPROCS, which depends on the
/// machine; a model's verdict must not.
pub const DEFAULT_TEST_PARALLEL: u32 = 4;

/// The Go release whose semantics gomc follows by default (Go 1.23's runtime and library).
pub const CURRENT_GO_MINOR: u32 = 23;

impl CompileOptions {
    /// The Go release in effect, as its minor version.
    pub fn go_minor(&self) -> u32 {
        self.go_minor.unwrap_or(CURRENT_GO_MINOR)
    }
}

/// Stack for the lowering thread: lowering recurses over the syntax tree (at most
/// `syntax::MAX_TREE_DEPTH` levels, several frames each), which a debug build's default 2 MiB
/// thread stack does not always hold.
const LOWERING_STACK: usize = 64 << 20;

/// Compiles a model: the files of its `package main`, the model itself first (its
/// `gomc:include` files after it). Each file is parsed once; the report's spans name the file
/// each position is in.
pub fn compile(files: &[SourceFile], options: &CompileOptions) -> Result<Program, ModelError> {
    let name = files.first().map_or_else(String::new, |f| f.name.clone());
    let outcome = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("gomc-frontend".to_string())
            .stack_size(LOWERING_STACK)
            .spawn_scoped(scope, || compile_here(files, options))
            .map(|handle| handle.join())
    });
    match outcome {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(ModelError::without_position(
            &name,
            "internal error: the front end panicked",
        )),
        Err(_) => compile_here(files, options),
    }
}

/// Compiles on the current thread.
fn compile_here(files: &[SourceFile], options: &CompileOptions) -> Result<Program, ModelError> {
    let Some(first) = files.first() else {
        return Err(ModelError::without_position("", "no model file"));
    };
    // Lay the files out one after another, each on lines of its own, then the library
    // packages written in Go that they import (`package::Std::library_source`).
    let mut text = String::new();
    let mut slots = Vec::new();
    let mut trees = Vec::new();
    let mut libraries: Vec<package::Std> = Vec::new();
    let mut pending: Vec<(&str, &str)> = files
        .iter()
        .map(|file| (file.name.as_str(), file.text.as_str()))
        .collect();
    pending.reverse();
    while let Some((name, file_text)) = pending.pop() {
        let start = text.len();
        let rows_before = text.matches('\n').count() as u32;
        text.push_str(file_text);
        let end = text.len();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let slot = syntax::FileSlot {
            name,
            start,
            end,
            rows_before,
        };
        let Some(tree) = syntax::parse(&text, &slot) else {
            return Err(ModelError::without_position(
                name,
                "the parser gave up on this file",
            ));
        };
        for path in syntax::import_paths(&text, tree.root_node()) {
            // log's printing goes through fmt's (stdlib/fmt.go's printablef, for forwarded
            // operands), so fmt's Go source comes with it.
            let fmt_too = (path == "log").then_some("fmt");
            for path in std::iter::once(path.as_str()).chain(fmt_too) {
                let library = package::Std::from_path(path).filter(|std| !libraries.contains(std));
                if let Some((lib_name, lib_text)) = library.and_then(|std| std.library_source()) {
                    libraries.push(library.expect("checked"));
                    pending.insert(0, (lib_name, lib_text));
                }
            }
        }
        slots.push(slot);
        trees.push(tree);
    }
    let source = Source {
        name: &first.name,
        text: &text,
        files: slots,
    };
    let roots: Vec<_> = trees.iter().map(|tree| tree.root_node()).collect();
    for &root in &roots {
        syntax::check_tree(&source, root)?;
    }
    let options = &with_clock(options, libraries.contains(&package::Std::Synctest), first)?;
    let mut boxed = BTreeSet::new();
    loop {
        let lowerer = Lowerer::new(&source, &roots, options, &boxed)?;
        let (program, wanted) = lowerer.run()?;
        if wanted.is_subset(&boxed) {
            return Ok(program);
        }
        boxed.extend(wanted);
    }
}

/// The options with the clock settled: a model importing "testing/synctest" runs under the
/// synctest clock, and cannot ask for the untimed one (Go's `synctest.Wait` panics outside a
/// bubble).
fn with_clock(
    options: &CompileOptions,
    imports_synctest: bool,
    first: &SourceFile,
) -> Result<CompileOptions, ModelError> {
    let mut options = options.clone();
    match (options.clock, imports_synctest) {
        (Some(Clock::Untimed), true) => {
            return Err(ModelError::without_position(
                &first.name,
                "a model importing \"testing/synctest\" runs under the synctest clock: drop \
                 `gomc:clock untimed` or `--clock untimed`",
            ))
        }
        (None, true) => options.clock = Some(Clock::Synctest),
        _ => {}
    }
    Ok(options)
}
