//! The instruction set of the stack machine, with the stack effect of each instruction.
//!
//! Instructions marked **sync** are scheduling points: a transition of the checker runs one
//! goroutine's local instructions and then exactly one sync instruction (DESIGN §3). Everything
//! else is local computation, merged into the transition around it.
//!
//! Runtime errors that Go turns into panics (index out of range, nil map write, division by zero,
//! nil dereference, …) panic the goroutine with Go's own message; they are documented per
//! variant.

use super::{FuncId, GlobalId, LabelId, SelectId, StrId, TypeId};

/// One instruction. Jump targets are indices into the same function's `code`.
///
/// Variant fields are the immediate operands named in each variant's description: `args` is
/// an argument count, `func` a callee, `label` the operand's display text.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Instr {
    // ---- constants and variables ----
    /// stack: → int
    PushInt(i64),
    /// stack: → bool
    PushBool(bool),
    /// stack: → string constant
    PushStr(StrId),
    /// stack: → nil (the nil pointer, chan, slice, map, func, interface or error)
    PushNil,
    /// stack: → the zero value of the type. Allocates the object behind a zero `sync.Mutex`,
    /// `sync.WaitGroup`, … so that the value is usable at once, as in Go.
    Zero(TypeId),
    /// stack: → locals\[i\]
    LoadLocal(u32),
    /// stack: v → ; locals\[i\] = v
    StoreLocal(u32),
    /// stack: → globals\[g\]
    LoadGlobal(GlobalId),
    /// stack: v → ; globals\[g\] = v
    StoreGlobal(GlobalId),
    /// stack: → the i-th captured variable of the running closure (always a pointer to the
    /// variable's cell: captured variables are shared by reference).
    LoadCapture(u32),
    /// stack: v → p, where p points to a new heap cell holding v. Used for `&T{...}`, `new(T)`,
    /// and for variables that are captured or whose address is taken ("boxed" variables).
    NewCell,
    /// stack: p → *p. Panics "invalid memory address or nil pointer dereference" on nil.
    Load,
    /// stack: p, v → ; *p = v. Panics on nil like `Load`.
    Store,
    /// stack: a → a, a
    Dup,
    /// stack: a, b → a, b, a, b
    Dup2,
    /// stack: a → 
    Pop,

    // ---- structs (values: copying a struct copies its fields) ----
    /// stack: f0, f1, …, fn-1 → struct{f0 … fn-1}
    MakeStruct(u32),
    /// stack: struct → struct.field\[i\]
    Field(u32),
    /// stack: struct, v → struct' (a copy with field i replaced by v)
    SetField(u32),

    // ---- arithmetic; integers are 64-bit and wrap around as in Go ----
    /// stack: a → op a
    Unary(UnOp),
    /// stack: a, b → a op b. `==`/`!=` compare any comparable values as Go does (pointers,
    /// channels and sync objects by identity, structs field by field). Division or remainder by
    /// zero panics "integer divide by zero". `+` on strings concatenates.
    Binary(BinOp),

    // ---- control flow ----
    /// pc = target
    Jump(u32),
    /// stack: bool → ; if false, pc = target
    JumpIfFalse(u32),
    /// stack: bool → ; if true, pc = target
    JumpIfTrue(u32),
    /// stack: a0 … an-1 → r0 … rm-1. Calls a top-level function directly.
    Call { func: FuncId, args: u32 },
    /// stack: f, a0 … an-1 → r0 … rm-1. Calls a function value (closure or function).
    /// Panics on a nil function value.
    CallValue { args: u32 },
    /// stack: c0 … cn-1 → f, a closure of `func` capturing the n values (each a pointer to a
    /// captured variable's cell).
    MakeClosure { func: FuncId, captures: u32 },
    /// stack: → f, the function value of a top-level function.
    FuncValue(FuncId),
    /// Return from the function: runs the frame's deferred calls (LIFO), then returns the values
    /// in the result locals. The operand stack must be empty; `return e1, e2` is lowered as
    /// stores into the result locals followed by `Return`.
    Return,

    // ---- slices and arrays ----
    /// stack: len, cap → slice of `len` zero values of the type (cap ≥ len).
    /// Panics "makeslice: len out of range" / "makeslice: cap out of range".
    MakeSlice(TypeId),
    /// stack: e0 … en-1 → a new slice with exactly these elements.
    SliceLit(u32),
    /// stack: s, i → s\[i\]. Works on slices and strings (a byte, as an int) and arrays.
    /// Panics "index out of range \[i\] with length n".
    Index,
    /// stack: s, i, v → ; s\[i\] = v for a slice (shared backing array).
    SetIndex,
    /// stack: s, v0 … vn-1 → s', Go's `append(s, v0, …)`: in place when the capacity allows,
    /// otherwise into a new backing array of doubled capacity.
    Append(u32),
    /// stack: s, t → s', Go's `append(s, t...)`.
    AppendSlice,
    /// stack: s, lo, hi → s\[lo:hi\]; `lo`/`hi` are nil when omitted.
    /// Panics "slice bounds out of range".
    Slice,
    /// stack: x → len(x) for a string, slice, map or channel (0 for nil).
    Len,
    /// stack: x → cap(x) for a slice or channel (0 for nil).
    Cap,

    // ---- maps (iteration is in key order; DESIGN §3) ----
    /// stack: → a new empty map.
    MakeMap,
    /// stack: m, k → v, ok. Reading a nil map yields the zero value: `ZeroOf` is the element
    /// type.
    MapIndex(TypeId),
    /// stack: m, k, v → ; m\[k\] = v. Panics "assignment to entry in nil map".
    MapStore,
    /// stack: m, k → ; delete(m, k).
    MapDelete,
    /// stack: m → keys, a slice of the map's keys in ascending order (for `range` over a map).
    MapKeys,

    // ---- goroutines, defer, panic ----
    /// **sync.** stack: f, a0 … an-1 → ; starts a goroutine running f(a0 …).
    Go { args: u32 },
    /// stack: f, a0 … an-1 → ; records the deferred call f(a0 …) in the current frame.
    /// Deferred builtins (`defer mu.Unlock()`) are lowered to a synthetic function taking the
    /// evaluated operands as parameters.
    Defer { args: u32 },
    /// **sync.** stack: v → ; panics with v.
    Panic,
    /// stack: → v, the value of the current panic if called directly by a deferred call while
    /// panicking (which stops the panic), else nil.
    Recover,
    /// **sync.** `runtime.Goexit()`: runs the goroutine's deferred calls, then ends it.
    Goexit,
    /// **sync.** stack: code → ; `os.Exit(code)`: the program ends at once, no deferred calls.
    Exit,
    /// **sync.** `runtime.Gosched()`, `time.Sleep(d)` (operand already popped): a pure
    /// scheduling point.
    Yield,

    // ---- channels (runtime/chan.go) ----
    /// stack: cap → ch, `make(chan T, cap)` with `T` the operand (a receive from the closed
    /// channel yields T's zero value). Panics "makechan: size out of range" for cap < 0.
    MakeChan(TypeId),
    /// **sync.** stack: ch, v → ; `ch <- v`. Blocks forever on a nil channel; panics "send on
    /// closed channel".
    Send(LabelId),
    /// **sync.** stack: ch → v (and ok when `with_ok`). Blocks forever on a nil channel.
    Recv { label: LabelId, with_ok: bool },
    /// **sync.** stack: ch → ; panics "close of nil channel" / "close of closed channel".
    Close(LabelId),
    /// **sync.** stack: per case in table order, `ch` for a receive or `ch, v` for a send →
    /// value, ok, index. `index` is the case taken (the table's `cases.len()` for `default`);
    /// `value`/`ok` are the received value and flag for a receive case, nil/false otherwise.
    Select(SelectId),
    /// stack: → ch, `time.After(d)`/`time.NewTimer(d).C` (d already popped): a channel of
    /// capacity 1 that a timer may fill at any later point (a choice of the checker).
    TimerChan,

    // ---- sync and sync/atomic ----
    /// **sync.** stack: mu → ; `mu.Lock()`.
    Lock(LabelId),
    /// **sync.** stack: mu → ; `mu.Unlock()`. Fatal "sync: unlock of unlocked mutex".
    Unlock(LabelId),
    /// **sync.** stack: mu → ok; `mu.TryLock()`.
    TryLock(LabelId),
    /// **sync.** stack: wg, n → ; `wg.Add(n)` (`Done` is `Add(-1)`).
    /// Panics "sync: negative WaitGroup counter".
    WaitGroupAdd(LabelId),
    /// **sync.** stack: wg → ; `wg.Wait()`.
    WaitGroupWait(LabelId),
    /// **sync.** stack: p, delta → new; `atomic.AddInt32/64(p, delta)`. `bits` is 32 or 64:
    /// the result wraps at that width.
    AtomicAdd { label: LabelId, bits: u8 },
    /// **sync.** stack: p → v; `atomic.LoadInt32/64(p)`.
    AtomicLoad(LabelId),
    /// **sync.** stack: p, v → ; `atomic.StoreInt32/64(p, v)`.
    AtomicStore(LabelId),
    /// **sync.** stack: p, old, new → swapped; `atomic.CompareAndSwapInt32/64`.
    AtomicCas(LabelId),
    /// **sync.** stack: n → i; `gomc.Choose(n)`: every i in 0..n is explored.
    /// Panics "gomc.Choose: n must be positive" for n ≤ 0.
    Choose,

    // ---- output ----
    /// stack: a0 … an-1 → ; `fmt.Println`/`println` (`newline`) or `fmt.Print`: records the
    /// formatted text as an event of the trace. Not a scheduling point.
    Print { args: u32, newline: bool },
    /// stack: format, a0 … an-1 → ; `fmt.Printf`.
    Printf { args: u32 },
    /// stack: format, a0 … an-1 → string; `fmt.Sprintf`.
    Sprintf { args: u32 },
    /// stack: a0 … an-1 → string; `fmt.Sprint`.
    Sprint { args: u32 },
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
}

/// A binary operator. `&&` and `||` are lowered to jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+` (integers wrap; strings concatenate)
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`, truncating toward zero
    Div,
    /// `%`, sign of the dividend
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `<<` (a negative count panics "negative shift amount")
    Shl,
    /// `>>` (arithmetic)
    Shr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// The case table of one `select` statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectTable {
    /// The communication cases, in source order.
    pub cases: Vec<SelectCase>,
    /// Whether the statement has a `default` case.
    pub has_default: bool,
}

/// One communication case of a `select`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectCase {
    /// Send or receive.
    pub kind: SelectCaseKind,
    /// Display label of the channel operand.
    pub label: LabelId,
}

/// Direction of a `select` case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectCaseKind {
    /// `case ch <- v:`
    Send,
    /// `case <-ch:`, `case v := <-ch:`, `case v, ok := <-ch:`
    Recv,
}

impl Instr {
    /// Whether this instruction is a scheduling point (see the module docs).
    pub fn is_sync(&self) -> bool {
        matches!(
            self,
            Instr::Go { .. }
                | Instr::Panic
                | Instr::Goexit
                | Instr::Exit
                | Instr::Yield
                | Instr::Send(_)
                | Instr::Recv { .. }
                | Instr::Close(_)
                | Instr::Select(_)
                | Instr::Lock(_)
                | Instr::Unlock(_)
                | Instr::TryLock(_)
                | Instr::WaitGroupAdd(_)
                | Instr::WaitGroupWait(_)
                | Instr::AtomicAdd { .. }
                | Instr::AtomicLoad(_)
                | Instr::AtomicStore(_)
                | Instr::AtomicCas(_)
                | Instr::Choose
        )
    }
}
