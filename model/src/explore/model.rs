//! The state-machine interface the explorer searches. The Go interpreter
//! (`semantics::Machine`) is its main implementation; the explorer's own tests use tiny
//! hand-made graphs.

use std::fmt::Debug;

/// A 128-bit fingerprint of a canonical state. Two states with the same fingerprint are taken
/// to be the same state (the chance of a false merge is about n²/2¹²⁹ for n states).
pub type Fingerprint = u128;

/// What kind of end a state is. Ordered so that reports list kinds in a stable order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeKind {
    /// The entry function returned and every other goroutine ran to completion.
    Ok,
    /// `os.Exit(n)` was called.
    Exit(i64),
    /// Every live goroutine is blocked while the entry function has not returned.
    Deadlock,
    /// The entry function returned and, once nothing else can move, goroutines are blocked.
    Leak,
    /// An unrecovered panic, the model's own or a runtime one.
    Panic,
    /// The test failed (`t.Error`, `t.Fatal`, `t.Fail`; `gomc test`).
    Fail,
    /// Two conflicting unsynchronised accesses (race mode).
    Race,
    /// A reachable state from which no end (ok, exit, deadlock, leak, panic) is reachable: the
    /// program can never finish. Known only after an exhaustive search.
    Hang,
}

impl OutcomeKind {
    /// Whether reaching this outcome is a violation (a bug in the model's program).
    pub fn is_violation(self) -> bool {
        !matches!(self, OutcomeKind::Ok | OutcomeKind::Exit(_))
    }

    /// The name used in reports and in `// gomc:expect` headers: `ok`, `exit(2)`, `deadlock`, …
    pub fn name(self) -> String {
        match self {
            OutcomeKind::Ok => "ok".into(),
            OutcomeKind::Exit(code) => format!("exit({code})"),
            OutcomeKind::Deadlock => "deadlock".into(),
            OutcomeKind::Leak => "leak".into(),
            OutcomeKind::Panic => "panic".into(),
            OutcomeKind::Fail => "fail".into(),
            OutcomeKind::Race => "race".into(),
            OutcomeKind::Hang => "hang".into(),
        }
    }
}

/// Whether a state can go on, or how it ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateStatus {
    /// At least one choice is enabled.
    Running,
    /// No choice is enabled; the state is an end of this kind.
    Ended(OutcomeKind),
}

/// A step that the model could not take: the search stops and the report says why. Not a
/// finding about the Go program (those are outcomes) but a limit of the checker, e.g. a goroutine
/// that computes for a million instructions without reaching a scheduling point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepError {
    /// What happened, in words.
    pub message: String,
}

/// A state machine that can be searched.
pub trait Model {
    /// A state. Kept in the frontier; the visited set stores only fingerprints.
    type State: Clone;
    /// One enabled transition of a state.
    type Choice: Copy + Eq + Debug;
    /// A state as the frontier holds it until it is expanded: the state itself, or a compact
    /// encoding of it where the model has one (a breadth-first frontier can hold millions of
    /// states). `unpack(pack(s, compact))` must equal `s`.
    type Packed: Send;

    /// The state in the frontier's form; `compact` asks for the compact one, which the search
    /// does once its frontier is large.
    fn pack(&self, state: Self::State, compact: bool) -> Self::Packed;

    /// The state back from the frontier's form.
    fn unpack(&self, packed: Self::Packed) -> Self::State;

    /// The initial state.
    fn initial(&self) -> Result<Self::State, StepError>;

    /// Appends the enabled choices of `state` to `out`, in a documented, deterministic order.
    /// Appends nothing exactly when `status(state)` is `Ended`.
    fn choices(&self, state: &Self::State, out: &mut Vec<Self::Choice>);

    /// The state reached by taking `choice`, which must be one of `choices(state)`.
    fn step(&self, state: &Self::State, choice: Self::Choice) -> Result<Self::State, StepError>;

    /// The fingerprint of the state's canonical form.
    fn fingerprint(&self, state: &Self::State) -> Fingerprint;

    /// A fingerprint that tells apart states `fingerprint` merges by a symmetry (states that are
    /// renamings of each other), for the one walk that must see a state repeat exactly: the
    /// cycle a `hang` witness ends on. The same as `fingerprint` by default.
    fn exact_fingerprint(&self, state: &Self::State) -> Fingerprint {
        self.fingerprint(state)
    }

    /// Whether the state can go on, or how it ended.
    fn status(&self, state: &Self::State) -> StateStatus;

    /// A violation this state shows although it may go on (a data race in race mode): the
    /// search records it as an outcome of this kind, with this state as its witness, and still
    /// explores the state's successors, so that what the violation leads to (a lost update, a
    /// later panic) is found too. `None` by default.
    fn violation(&self, state: &Self::State) -> Option<OutcomeKind> {
        let _ = state;
        None
    }
}
