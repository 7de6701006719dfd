//! Which part of the interpreter runs each instruction: the one place that sorts the
//! instruction set into scheduling points and local instructions, and the local ones by what
//! they touch. `semantics/exec.rs` dispatches on it and the checker stops a goroutine's step
//! at every [`Executor::Sync`] instruction; the match below has no catch-all arm, so a new
//! variant does not compile until it is given an executor.

use super::Instr;

/// The group of instructions one executor of `semantics/` runs (the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Executor {
    /// A scheduling point (the variants marked **sync**): a transition runs a goroutine's local
    /// instructions up to one of these, then exactly one of them (`semantics/ops.rs`).
    Sync,
    /// Touches only the running goroutine's operand stack, locals and frames: constants,
    /// struct and array values, integer operators, jumps, calls, `defer`
    /// (`semantics/local.rs`).
    Goroutine,
    /// Floating-point constants, conversions and package math's primitives, on the running
    /// goroutine's stack only (`semantics/arith.rs`).
    Float,
    /// Control and state beyond the goroutine that `semantics/exec.rs` runs itself: returns
    /// (which run deferred calls), `recover`, package-level variables, zero values (which may
    /// allocate sync objects).
    State,
    /// Heap data: cells and pointers, closures, slices, maps, the creation of channels,
    /// timers and conds, the clock (`semantics/heap.rs`).
    Heap,
    /// Printing and formatting (`semantics/print.rs`).
    Print,
    /// Error values (`semantics/errors.rs`).
    Errors,
    /// Interface values: boxing, method calls, assertions (`semantics/iface.rs`).
    Interface,
    /// Runes and string conversions (`semantics/strings.rs`).
    Strings,
    /// The slice inside an `any`, for `sort.Slice` (`semantics/reflect.rs`).
    Reflect,
}

impl Instr {
    /// The executor that runs this instruction.
    #[inline]
    pub fn executor(&self) -> Executor {
        match self {
            Instr::Go { .. }
            | Instr::CopySync
            | Instr::Panic
            | Instr::PanicShown
            | Instr::Goexit
            | Instr::Exit
            | Instr::FailTest
            | Instr::Yield
            | Instr::Send(..)
            | Instr::Recv { .. }
            | Instr::Close(..)
            | Instr::Select(..)
            | Instr::Lock(..)
            | Instr::Unlock(..)
            | Instr::TryLock(..)
            | Instr::RLock(..)
            | Instr::RUnlock(..)
            | Instr::TryRLock(..)
            | Instr::OnceEnter(..)
            | Instr::OnceDone(..)
            | Instr::CondWait(..)
            | Instr::CondSignal(..)
            | Instr::CondBroadcast(..)
            | Instr::SyncMap { .. }
            | Instr::AtomicSwap(..)
            | Instr::WaitGroupAdd(..)
            | Instr::WaitGroupWait(..)
            | Instr::AtomicAdd { .. }
            | Instr::AtomicLoad(..)
            | Instr::AtomicStore(..)
            | Instr::AtomicCas(..)
            | Instr::Choose
            | Instr::MapRangeNext
            | Instr::TimerStop
            | Instr::TimerReset
            | Instr::SynctestWait
            | Instr::NumGoroutine
            | Instr::ChanLen(..) => Executor::Sync,
            Instr::PushInt(..)
            | Instr::PushBool(..)
            | Instr::PushStr(..)
            | Instr::PushNil
            | Instr::LoadLocal(..)
            | Instr::StoreLocal(..)
            | Instr::Dup
            | Instr::Dup2
            | Instr::Pop
            | Instr::MakeStruct(..)
            | Instr::MakeArray(..)
            | Instr::Field(..)
            | Instr::SetField(..)
            | Instr::Unary(..)
            | Instr::Wrap(..)
            | Instr::Binary(..)
            | Instr::Unsigned(..)
            | Instr::Jump(..)
            | Instr::JumpIfFalse(..)
            | Instr::JumpIfTrue(..)
            | Instr::Call { .. }
            | Instr::CallValue { .. }
            | Instr::FuncValue(..)
            | Instr::Defer { .. }
            | Instr::FrameRef
            | Instr::DeferIn { .. } => Executor::Goroutine,
            Instr::PushFloat(..)
            | Instr::ToFloat(..)
            | Instr::UnsignedToFloat(..)
            | Instr::FloatToInt(..)
            | Instr::PrintFloatText
            | Instr::Math(..) => Executor::Float,
            Instr::Return
            | Instr::ResultCells(..)
            | Instr::Recover
            | Instr::DeferredRecover
            | Instr::Zero(..)
            | Instr::LoadGlobal(..)
            | Instr::StoreGlobal(..) => Executor::State,
            Instr::LoadCapture(..)
            | Instr::NewCell
            | Instr::Load
            | Instr::Store
            | Instr::FieldAddr(..)
            | Instr::IndexAddr
            | Instr::SetElement
            | Instr::MakeClosure { .. }
            | Instr::MakeSlice(..)
            | Instr::SliceLit(..)
            | Instr::Index
            | Instr::SetIndex
            | Instr::Append(..)
            | Instr::AppendSlice
            | Instr::Copy
            | Instr::Clear(..)
            | Instr::ArraySlice
            | Instr::Slice
            | Instr::Slice3
            | Instr::Len
            | Instr::Cap
            | Instr::MakeMap
            | Instr::MapIndex(..)
            | Instr::MapStore
            | Instr::MapDelete
            | Instr::MapKeys
            | Instr::MakeChan(..)
            | Instr::TimerChan
            | Instr::TickerChan
            | Instr::AfterFuncTimer
            | Instr::ClockNow
            | Instr::MakeCond
            | Instr::CondLocker
            | Instr::CondSetLocker
            | Instr::ReadLocker => Executor::Heap,
            Instr::Print { .. }
            | Instr::Printf { .. }
            | Instr::Sprintf { .. }
            | Instr::SprintSlice { .. }
            | Instr::Sprint { .. } => Executor::Print,
            Instr::NewError | Instr::Errorf { .. } | Instr::JoinErrors | Instr::OwnWrapped => {
                Executor::Errors
            }
            Instr::Box(..)
            | Instr::CallMethod { .. }
            | Instr::TypeAssert { .. }
            | Instr::TypeIs(..)
            | Instr::Stringer => Executor::Interface,
            Instr::RuneAt
            | Instr::RuneString
            | Instr::BytesString
            | Instr::StringBytes
            | Instr::StringRunes
            | Instr::RunesString => Executor::Strings,
            Instr::AnyLen | Instr::AnySwap => Executor::Reflect,
        }
    }

    /// Whether this instruction is a scheduling point (see the module docs of `instr.rs`).
    #[inline]
    pub fn is_sync(&self) -> bool {
        self.executor() == Executor::Sync
    }
}
