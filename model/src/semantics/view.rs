//! Read-only views of a state and of a transition, for reports: the goroutine dump and the
//! trace. Everything here is plain data with no ids that depend on allocation order.

use crate::program::Span;

/// What a goroutine is doing, in the words of Go's goroutine dump.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "reason")]
pub enum GoroutineStatus {
    /// The goroutine whose unrecovered panic (or fatal error) ended the program: Go prints it
    /// first, as `[running]`, with the stack where the panic started.
    Running,
    /// Can take a step.
    Runnable,
    /// Parked; the text is Go's wait reason (`chan send`, `sync.WaitGroup.Wait`, …).
    Waiting(String),
    /// Finished.
    Dead,
}

/// One frame of a goroutine's stack.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FrameView {
    /// Function name as Go prints it (`main.bgwait.func1`).
    pub function: String,
    /// Where the frame is: the current instruction of the innermost frame, the call site of the
    /// others.
    #[serde(skip)]
    pub span: Span,
    /// `file:line`, as printed.
    pub location: String,
}

/// One goroutine of a state, for the dump.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct GoroutineView {
    /// Go's goroutine number (1 is the entry goroutine; numbered in creation order).
    pub id: u32,
    /// Status.
    pub status: GoroutineStatus,
    /// Innermost frame first, as Go prints them.
    pub frames: Vec<FrameView>,
    /// The `go` statement that created it: the creating function and its location.
    pub created_by: Option<FrameView>,
    /// The goroutine that ran that `go` statement (0 for goroutine 1), as in Go's
    /// `created by main.bginit in goroutine 1`.
    pub creator: u32,
}

/// One transition of a trace.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TraceStep {
    /// The goroutine that moved (0 for a timer firing).
    pub goroutine: u32,
    /// The function it was in when it performed the operation.
    pub function: String,
    /// `file:line` of the operation.
    pub location: String,
    /// The source span of the operation.
    #[serde(skip)]
    pub span: Span,
    /// The operation in words: `send bgwork`, `recv <-t.signal`, `lock testprog.mu`,
    /// `close(dying)`, `select: case 2 (<-done)`, `blocked: chan send bgwork`.
    pub operation: String,
    /// Goroutines this step woke, in the order it woke them.
    pub woke: Vec<u32>,
    /// Goroutines this step started.
    pub started: Vec<u32>,
    /// Text the program printed during the step.
    pub output: Vec<String>,
}
