//! The compiled model: immutable data shared by every engine.
//!
//! A `Program` is what the front end produces from a Go source file and what the semantics
//! interpret. It holds no host closures and no interior mutability, so it is `Send + Sync` and one
//! copy serves the native explorer, loom and shuttle alike.
//!
//! Execution model (the contract between the front end and `semantics`): a stack machine. Each
//! goroutine has one value stack; a call frame owns the window `stack[base..]`, whose first
//! `Function::locals` slots are the frame's local variables (parameters first, then results, then
//! the other locals) and whose rest is the operand stack. Instructions pop their operands from the
//! operand stack and push their results, in the order documented on each variant ("stack: a, b →
//! c" means `b` is on top before and `c` is on top after).

mod disasm;
mod dynamic;
mod executor;
mod gosyntax;
mod instr;
mod operators;
mod source;
mod types;

pub use dynamic::{
    AssertTarget, DynMethod, DynType, DynTypeId, FieldNames, InterfaceDef, InterfaceId,
    ReceiverStep, ERROR_STRING,
};
pub use executor::Executor;
pub use gosyntax::{GoSyntax, SyntaxKind};
pub use instr::{AccessSite, Instr, SelectCase, SelectCaseKind, SelectTable};
pub use operators::{BinOp, MathFn, SyncMapOp, UnOp};
pub use source::{SourceFile, Span};
pub use types::{FloatKind, IntKind, StructDef, Type, TypeId};

/// Index of a function in [`Program::functions`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FuncId(pub u32);

/// Index of a label (display text of an operand, e.g. `bgwork` or `t.signal`) in
/// [`Program::labels`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelId(pub u32);

/// Index of a string constant in [`Program::strings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StrId(pub u32);

/// Index of a `select` statement's case table in [`Program::selects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SelectId(pub u32);

/// Index of a package-level variable in [`Program::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GlobalId(pub u32);

/// A compiled model, ready to run.
#[derive(Clone, Debug)]
pub struct Program {
    /// Source files the spans point into (one per model file; index 0 is the model).
    pub files: Vec<SourceFile>,
    /// Every function: the model's own, function literals, and the synthetic ones the front end
    /// makes (`$start`, wrappers for deferred or `go`-started builtin calls).
    pub functions: Vec<Function>,
    /// Package-level variables, in declaration order. Their initial value is `Value::Nil`; the
    /// `start` function assigns the zero value or initializer.
    pub globals: Vec<Global>,
    /// Types referred to by `Instr::Zero`.
    pub types: Vec<Type>,
    /// Struct definitions referred to by `Type::Struct`.
    pub structs: Vec<StructDef>,
    /// Display labels of operands, for traces and dumps.
    pub labels: Vec<String>,
    /// String constants.
    pub strings: Vec<String>,
    /// Case tables of `select` statements.
    pub selects: Vec<SelectTable>,
    /// Dynamic types of interface values (`DynTypeId`); id 0 is [`ERROR_STRING`].
    pub dyn_types: Vec<DynType>,
    /// Interface types asserted to (`InterfaceId`).
    pub interfaces: Vec<InterfaceDef>,
    /// Go 1.23's synchronous timer channels (GODEBUG asynctimerchan=0, the default from Go
    /// 1.23 on): a stopped or reset timer drops a value it already sent (earlier releases leave
    /// it in the channel), and a channel timer keeps the program alive only while a goroutine
    /// waits on its channel (earlier releases keep every pending timer in the heap, so a
    /// program whose goroutines are all blocked hangs instead of dying of a deadlock).
    pub sync_timer_channels: bool,
    /// When timers fire: at any point, or in deadline order once every goroutine is blocked.
    pub clock: Clock,
    /// Whether the model's own code reads the clock (`time.Now`, `time.Since`, `time.Until`,
    /// a `Deadline` method): only then is the clock's reading part of a state's identity.
    pub reads_clock: bool,
    /// The function goroutine 1 starts in: it initializes the globals in dependency order, then
    /// calls `entry` and returns. It has no parameters and no results.
    pub start: FuncId,
    /// The entry point the user named (`main` by default), for reports: "the entry function
    /// returned" means the frame of this function was popped from goroutine 1.
    pub entry: FuncId,
    /// What `go vet` would say about the model that matters to its verdict: copies of sync
    /// values (its copylocks check), in source order. Warnings, not findings.
    pub warnings: Vec<Warning>,
}

/// When timers fire (the README's "Time" section says which clock answers which question).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Clock {
    /// Any pending timer may fire at any point of the schedule, whatever its duration: every
    /// timing at once, so a verdict holds however long each step takes.
    #[default]
    Untimed,
    /// Go 1.25's `testing/synctest` bubble over the whole program: a fake clock that advances
    /// only when every goroutine is blocked, to the earliest pending deadline; the timers due
    /// then fire together, and `time.Sleep` blocks until its deadline.
    Synctest,
}

impl Clock {
    /// The clock a `gomc:clock` header or `--clock` flag names.
    pub fn named(name: &str) -> Option<Clock> {
        match name {
            "untimed" => Some(Clock::Untimed),
            "synctest" => Some(Clock::Synctest),
            _ => None,
        }
    }

    /// The name [`Clock::named`] reads.
    pub fn name(self) -> &'static str {
        match self {
            Clock::Untimed => "untimed",
            Clock::Synctest => "synctest",
        }
    }
}

/// A `go vet`-style warning about the model's source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub span: Span,
    /// What, in `go vet`'s words (`assignment copies lock value to b: sync.Mutex`).
    pub message: String,
}

/// One function's code.
#[derive(Clone, Debug)]
pub struct Function {
    /// The name as Go prints it in a stack trace: `main.bgwait`, `main.bgwait.func1` for the first
    /// function literal inside `bgwait`, `main.(*T).Run` for a method.
    pub name: String,
    /// Number of parameters; the caller leaves them on the stack, and they become locals
    /// `0..params`.
    pub params: u32,
    /// Number of results; they live in locals `params..params + results`, zero-initialised by the
    /// front end's prologue, so that deferred closures can read and change named results.
    pub results: u32,
    /// Total local slots, parameters and results included.
    pub locals: u32,
    /// Number of captured variables a closure of this function carries (0 for top-level
    /// functions). `Instr::LoadCapture(i)` reads the i-th.
    pub captures: u32,
    /// The instructions. The last one is always a `Return`.
    pub code: Vec<Instr>,
    /// Source span of each instruction (`spans.len() == code.len()`).
    pub spans: Vec<Span>,
    /// Span of the function's declaration (its `func` keyword), for `created by` lines.
    pub decl: Span,
    /// Made by the front end rather than written by the user (`runtime.main`, wrappers of
    /// deferred builtins): left out of goroutine dumps, as Go leaves out runtime frames.
    pub synthetic: bool,
    /// The memory accesses of the function's instructions, as `(pc, site)` sorted by pc: every
    /// instruction that may read or write shared memory, except the final stores of
    /// read-modify-write sequences whose first instruction carries the access. Used only in race
    /// mode, where these accesses are scheduling points (see `AccessSite`).
    pub accesses: Vec<(u32, AccessSite)>,
}

impl Function {
    /// The access made by the instruction at `pc`, if any.
    pub fn access_at(&self, pc: u32) -> Option<&AccessSite> {
        self.accesses
            .binary_search_by_key(&pc, |(at, _)| *at)
            .ok()
            .map(|index| &self.accesses[index].1)
    }
}

/// A package-level variable.
#[derive(Clone, Debug)]
pub struct Global {
    /// The name as written in the model.
    pub name: String,
    /// Where it is declared.
    pub decl: Span,
}

impl Program {
    /// The function with this id.
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }

    /// The label text with this id.
    pub fn label(&self, id: LabelId) -> &str {
        &self.labels[id.0 as usize]
    }

    /// The string constant with this id.
    pub fn string(&self, id: StrId) -> &str {
        &self.strings[id.0 as usize]
    }

    /// The `select` case table with this id.
    pub fn select(&self, id: SelectId) -> &SelectTable {
        &self.selects[id.0 as usize]
    }

    /// The type with this id.
    pub fn ty(&self, id: TypeId) -> &Type {
        &self.types[id.0 as usize]
    }

    /// The file name and 1-based line and column of a span, e.g. `("dist.go", 12, 5)`.
    pub fn position(&self, span: Span) -> (&str, u32, u32) {
        (&self.files[span.file as usize].name, span.line, span.col)
    }
}
