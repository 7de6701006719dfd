//! The instruction set of the stack machine, with the stack effect of each instruction.
//!
//! Instructions marked **sync** are scheduling points: a transition of the checker runs one
//! goroutine's local instructions and then exactly one sync instruction (ARCHITECTURE.md, Contracts). Everything
//! else is local computation, merged into the transition around it. `Instr::executor`
//! (`executor.rs`) says which each variant is, and which part of `semantics/` runs it.
//!
//! Runtime errors that Go turns into panics (index out of range, nil map write, division by zero,
//! nil dereference, …) panic the goroutine with Go's own message; they are documented per
//! variant.

use super::{
    AssertTarget, BinOp, DynTypeId, FloatKind, FuncId, GlobalId, IntKind, InterfaceId, LabelId,
    MathFn, SelectId, StrId, SyncMapOp, TypeId, UnOp,
};

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
    /// stack: v → v', Go's copy of v: every sync object inside v (not behind a pointer) is
    /// replaced by a new one with the same state and no waiters. Emitted where Go copies a
    /// value that holds sync values (reading a variable, field, element or `*p` as a value of
    /// its own); see `semantics/copy.rs`. A scheduling point: the copy reads the sync objects'
    /// state, which other goroutines change.
    CopySync,
    /// stack: p → *p. Panics "invalid memory address or nil pointer dereference" on nil.
    Load,
    /// stack: p, v → ; *p = v. Panics on nil like `Load`.
    Store,
    /// stack: p → &p.field\[i\], a pointer to field i of the struct p points to (`&s.f`,
    /// `&p.f`). Panics "invalid memory address or nil pointer dereference" on nil.
    FieldAddr(u32),
    /// stack: s, i → &s\[i\], a pointer to element i of a slice, or of the array a pointer points
    /// to (`&a[i]`). Panics "index out of range \[i\] with length n", or on a nil pointer.
    IndexAddr,
    /// stack: a → a, a
    Dup,
    /// stack: a, b → a, b, a, b
    Dup2,
    /// stack: a →
    Pop,

    // ---- structs (values: copying a struct copies its fields) ----
    /// stack: f0, f1, …, fn-1 → struct{f0 … fn-1}
    MakeStruct(u32),
    /// stack: e0, e1, …, en-1 → \[n\]T{e0 … en-1}, an array value.
    MakeArray(u32),
    /// stack: struct → struct.field\[i\]
    Field(u32),
    /// stack: struct, v → struct' (a copy with field i replaced by v)
    SetField(u32),
    /// stack: array, i, v → array' (a copy of the array value with element i replaced by v).
    /// Panics "index out of range \[i\] with length n".
    SetElement,

    // ---- arithmetic; integers are 64-bit and wrap around as in Go ----
    /// stack: a → op a
    Unary(UnOp),
    // ---- strings (semantics/strings.rs) ----
    /// stack: s, i → r, width; the rune starting at byte i of s (`range` over a string).
    RuneAt,
    /// stack: r → s; `string(r)` of an integer: its UTF-8 encoding.
    RuneString,
    /// stack: b → s; `string(b)` of a byte slice.
    BytesString,
    /// stack: s → b; `[]byte(s)`: a new byte slice.
    StringBytes,
    /// stack: s → runes; `[]rune(s)`.
    StringRunes,
    /// stack: runes → s; `string(runes)` (an invalid rune becomes U+FFFD).
    RunesString,
    /// stack: dst, src → n; `copy(dst, src)`: the first n = min(len(dst), len(src)) elements
    /// of src (bytes of a string) into dst, as if read before any is written.
    Copy,
    /// stack: m → (empty); `clear(m)` of a map: every entry deleted. With a type: `clear(s)` of
    /// a slice, every element set to that type's zero value.
    Clear(Option<TypeId>),
    /// stack: a, b → a op b. `==`/`!=` compare any comparable values as Go does (pointers,
    /// channels and sync objects by identity, structs field by field). Division or remainder by
    /// zero panics "integer divide by zero". `+` on strings concatenates.
    Binary(BinOp),
    /// stack: a, b → a op b for `/`, `%`, `>>` and the ordered comparisons of two unsigned
    /// 64-bit operands (`uint`, `uint64`, `uintptr`). The machine holds them as the `i64` of
    /// the same bits, so these operators (whose result depends on signedness) read the words
    /// as `u64`; the others are the same on both readings and stay [`Instr::Binary`].
    Unsigned(BinOp),
    /// Brings the integer on top of the stack into the range of a sized or unsigned kind
    /// (Go's wrap-around after arithmetic and on conversion).
    Wrap(IntKind),
    /// stack: → f; a floating-point constant of the kind, given by its bits.
    PushFloat(FloatKind, u64),
    /// stack: x → float; Go's conversion of an integer or floating-point value to a
    /// floating-point kind (rounded to the nearest value of the kind).
    ToFloat(FloatKind),
    /// stack: x → float; [`Instr::ToFloat`] of an unsigned 64-bit integer (its word read as
    /// `u64`: `float64(uint64(1<<63))` is 9.223372036854776e+18, not negative).
    UnsignedToFloat(FloatKind),
    /// stack: float → string; the text `println` prints for a float (`+1.500000e+000`).
    PrintFloatText,
    /// stack: x (, y) → r; a primitive of package math (`stdlib/math.go`,
    /// `semantics/gomath.rs`) on float64 operands.
    Math(MathFn),
    /// stack: float → int; Go's conversion of a floating-point value to an integer kind: the
    /// fraction is discarded (towards zero), then the kind's wrap-around applies. A value out
    /// of int64's range is clamped to it (Go leaves that case implementation-defined).
    FloatToInt(IntKind),

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
    /// A marker, only as a function's first instruction (a no-op when executed): bit i set
    /// means result i lives in a heap cell (a named result captured by a closure), so its
    /// result local holds a pointer to the cell and the value is read through it when the
    /// function returns, after its deferred calls ran.
    ResultCells(u32),

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
    /// stack: p → s; `p[:]` of a pointer to an array variable's cell: a slice of all its
    /// elements that shares them with the variable (Go's slicing of an addressable array).
    /// A nil pointer panics as Go's does.
    ArraySlice,
    /// stack: s, lo, hi → s\[lo:hi\]; `lo`/`hi` are nil when omitted.
    /// Panics "slice bounds out of range".
    Slice,
    /// stack: s, lo, hi, max → `s[lo:hi:max]` (lo may be nil for 0); a slice of capacity
    /// max - lo.
    Slice3,
    /// stack: x → len(x) for a string, slice, map or channel (0 for nil).
    Len,
    /// stack: x → cap(x) for a slice or channel (0 for nil).
    Cap,

    // ---- maps (iteration visits the keys in every order; README, Semantics) ----
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
    /// **sync.** stack: keys, i → k; the next key of a `range` over a map, when more than one
    /// is left: `keys[i..]` are the keys not visited yet, in ascending order, and each of them
    /// may come next (Go leaves the order open; every choice is explored). Afterwards
    /// `keys[..=i]` holds the visited keys in ascending order and `keys[i+1..]` the others,
    /// so that orders which visited the same keys meet in one state
    /// (`semantics/maprange.rs`).
    MapRangeNext,

    // ---- goroutines, defer, panic ----
    /// **sync.** stack: f, a0 … an-1 → ; starts a goroutine running f(a0 …).
    Go { args: u32 },
    /// stack: f, a0 … an-1 → ; records the deferred call f(a0 …) in the current frame.
    /// Deferred builtins (`defer mu.Unlock()`) are lowered to a synthetic function taking the
    /// evaluated operands as parameters.
    Defer { args: u32 },
    /// stack: → frame; a reference to the current goroutine's current frame (the goroutine's
    /// number and the frame's index in one int), kept by the function around a range-over-func
    /// loop whose body has a `defer` (Go 1.23's `deferrangefunc`, runtime/panic.go). Holding a
    /// goroutine number, it can keep the symmetry reduction from merging two renamings of a
    /// state; it never merges states that differ.
    FrameRef,
    /// stack: f, a0 … an-1, frame → ; `defer` in the body of a range over a function: records
    /// the deferred call f(a0 …) in `frame` (a `FrameRef` of the function around the loop),
    /// after that frame's other deferred calls, so that it runs when that function returns
    /// (`deferprocat`). A body run on another goroutine than its loop's stops the search: not
    /// modelled.
    DeferIn { args: u32 },
    /// **sync.** stack: v → ; panics with v.
    Panic,
    /// **sync.** stack: v, shown → ; panics with v, printed as `shown`: what v's `Error` or
    /// `String` method returned (`Instr::Stringer` on a copy of v), as the runtime prints an
    /// error or Stringer panic value (runtime/panic.go `preprintpanics`), or v itself.
    PanicShown,
    /// stack: → v, the value of the current panic if called directly by the deferred call that
    /// the panic is running (which then recovers it), else nil (also during `Goexit`).
    Recover,
    /// stack: → v; `defer recover()`: the body of its synthetic wrapper, a `recover` as if
    /// called directly by the function that deferred it (runtime/panic.go compares the caller's
    /// argument pointer), so it recovers only when that function is itself a deferred call of
    /// the panic.
    DeferredRecover,
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
    /// stack: d → ch; `time.After(d)`/`time.NewTimer(d).C`: a channel of capacity 1 that a
    /// timer fills when it fires, at `d` (at least 0) past the current reading of the clock
    /// (`program::Clock` says when that is).
    TimerChan,
    /// stack: d → ch; `time.NewTicker(d).C`: a channel of capacity 1 that a timer fills every
    /// `d` until it is stopped (a tick finding the buffer full is dropped, as Go's is).
    TickerChan,
    /// stack: d, f → ch; `time.AfterFunc(d, f)`: a timer that, when it fires, runs f in a new
    /// goroutine; ch is its handle for `Stop` and `Reset`.
    AfterFuncTimer,
    /// stack: ch → active; `Timer.Stop`/`Ticker.Stop` on the timer filling ch: it no longer
    /// fires, and (Go 1.23) a value it sent that nobody received is discarded. `active`: it
    /// was pending. A scheduling point (the timer may fire just before).
    TimerStop,
    /// stack: ch, d, periodic → active; `Timer.Reset`/`Ticker.Reset`: stopped as by
    /// `TimerStop`, then pending again, due `d` from now (every `d` for a ticker). A scheduling
    /// point.
    TimerReset,
    /// stack: → ns; `time.Now`: the clock's reading in nanoseconds since the program started.
    ClockNow,
    /// **sync.** `synctest.Wait`: parks until every other goroutine is blocked (the whole
    /// program is the bubble), then resumes before the clock advances.
    SynctestWait,
    /// **sync.** stack: → n; `runtime.NumGoroutine`: how many goroutines have not exited.
    NumGoroutine,
    /// **sync.** stack: c → n; `len(c)` of a channel: the values in its buffer (0 for nil). A
    /// scheduling point, since other goroutines' sends and receives change it between two of
    /// this goroutine's operations (runtime/chan.go chanlen reads `qcount` unlocked, so a
    /// goroutine can see any count the channel passes through); the label names the operand.
    ChanLen(LabelId),

    // ---- interfaces (program/dynamic.rs, semantics/iface.rs) ----
    /// stack: v → i; a concrete value converted to an interface type: boxed with its dynamic
    /// type.
    Box(DynTypeId),
    /// stack: i, a1 … an → results; `i.M(a1, …, an)` on a value of interface type: the method
    /// named by the string, found in the dynamic type's method table. Panics "invalid memory
    /// address or nil pointer dereference" on a nil interface.
    CallMethod { method: StrId, args: u32 },
    /// stack: i → v (or v, ok); `i.(T)`. Without `with_ok` a failed assertion panics
    /// "interface conversion: …" (runtime/iface.go `assertE2I`, runtime/error.go
    /// `TypeAssertionError`); with it, a failure gives T's zero value and false. `from` names
    /// i's static interface type for the message.
    TypeAssert {
        from: InterfaceId,
        target: AssertTarget,
        with_ok: bool,
    },
    /// stack: i → bool; whether a type switch case matches i.
    TypeIs(AssertTarget),
    /// stack: i → i or text; how `fmt` prints an operand (fmt/print.go `handleMethods`): a
    /// value whose dynamic type has `Error() string` or else `String() string` is replaced by
    /// what that method returns; other values stay.
    Stringer,

    // ---- errors ----
    /// stack: text → err; `errors.New(text)`: a new error, equal only to itself.
    NewError,
    /// stack: format, p0 … pn-1, a0 … an-1 → err; `fmt.Errorf`: the text formatted as by
    /// `Sprintf` from the operands as printed (`p`, after `Stringer`; `%w` prints like `%v`);
    /// the error wraps the operand `a` of a single `%w`, or the error operands of several.
    Errorf { args: u32 },
    /// stack: x → n; the length of the slice in the `any` x (`stdlib/sort.go`'s sliceLen;
    /// reflectlite's panic when x holds no slice).
    AnyLen,
    /// stack: x, i, j → ; swaps elements i and j of the slice in the `any` x (`sliceSwap`).
    AnySwap,
    /// stack: text, errs → err; `errors.Join` (`stdlib/errors.go`): an error with this text
    /// wrapping the errors of the slice (none of them nil).
    JoinErrors,
    /// stack: err → wrapped, own; `stdlib/errors.go`'s ownWrapped: for an error the machine
    /// made (`errors.New`, `fmt.Errorf`, `errors.Join`), the errors it wraps and true;
    /// otherwise an empty slice and false.
    OwnWrapped,

    // ---- sync and sync/atomic ----
    /// **sync.** stack: mu → ; `mu.Lock()` of a `sync.Mutex`, or of an `RWMutex` (its writer
    /// lock, reached through a `sync.Locker`).
    Lock(LabelId),
    /// **sync.** stack: mu → ; `mu.Unlock()`. Fatal "sync: unlock of unlocked mutex" (for an
    /// RWMutex: "sync: Unlock of unlocked RWMutex").
    Unlock(LabelId),
    /// **sync.** stack: mu → ok; `mu.TryLock()` (of a Mutex or an RWMutex).
    TryLock(LabelId),
    /// **sync.** stack: rw → ; `rw.RLock()`: blocks while a writer holds or waits for the lock.
    RLock(LabelId),
    /// **sync.** stack: rw → ; `rw.RUnlock()`. Fatal "sync: RUnlock of unlocked RWMutex".
    RUnlock(LabelId),
    /// **sync.** stack: rw → ok; `rw.TryRLock()`.
    TryRLock(LabelId),
    /// **sync.** stack: o → run; the start of `o.Do(f)`: `run` is true when this call must run
    /// f, false when a call already finished it. Blocks while another call runs f.
    OnceEnter(LabelId),
    /// **sync.** stack: o → ; the end of the `Do` call that ran f (deferred, so it runs even when
    /// f panics or calls `Goexit`): the Once is done, and the blocked `Do` callers return.
    OnceDone(LabelId),
    /// stack: l → c, a new `sync.Cond` value with `c.L = l`.
    MakeCond,
    /// stack: c → c.L.
    CondLocker,
    /// stack: c, l → ; `c.L = l` of a `sync.Cond`.
    CondSetLocker,
    /// stack: rw → l; `rw.RLocker()`: a `sync.Locker` whose `Lock` and `Unlock` are rw's
    /// `RLock` and `RUnlock` (a pointer to a cell holding `Tuple[rw]`).
    ReadLocker,
    /// **sync.** stack: c → ; `c.Wait()` up to its relock: unlocks `c.L` and parks until a
    /// `Signal` or `Broadcast` (the front end emits the `c.L.Lock()` after it). Unlocking an
    /// unlocked `c.L` is fatal as `Unlock` is; a nil `c.L` panics with a nil dereference.
    CondWait(LabelId),
    /// **sync.** stack: c → ; `c.Signal()`: wakes the oldest waiter, if any.
    CondSignal(LabelId),
    /// **sync.** stack: c → ; `c.Broadcast()`: wakes every waiter.
    CondBroadcast(LabelId),
    /// **sync.** One linearizable `sync.Map` operation; the stack effect is the operation's.
    SyncMap { op: SyncMapOp, label: LabelId },
    /// **sync.** stack: wg, n → ; `wg.Add(n)` (`Done` is `Add(-1)`).
    /// Panics "sync: negative WaitGroup counter".
    WaitGroupAdd(LabelId),
    /// **sync.** stack: wg → ; `wg.Wait()`.
    WaitGroupWait(LabelId),
    /// **sync.** stack: p, delta → new; `atomic.AddInt32/64(p, delta)`, `AddUint32/64`,
    /// `x.Add(delta)` of the atomic types. `bits` is 32 or 64: the result wraps at that width,
    /// as a signed or (`unsigned`) an unsigned integer.
    AtomicAdd {
        label: LabelId,
        bits: u8,
        unsigned: bool,
    },
    /// **sync.** stack: p, v → old; `atomic.SwapInt32/64(p, v)`, `x.Swap(v)`.
    AtomicSwap(LabelId),
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
    /// stack: `[format,] args` → string; `fmt.Sprintf(format, args...)` (with `format`) or
    /// `fmt.Sprintln(args...)`, the operands being the elements of the slice `args` (the
    /// testing package's formatting of its variadic arguments).
    SprintSlice { format: bool },
    /// stack: name → (ends the program); the test called `name` failed: the program ends with
    /// the `fail` outcome (stdlib/testing.go's runTest). A scheduling point, like `Exit`.
    FailTest,
    /// stack: a0 … an-1 → string; `fmt.Sprint`, or `fmt.Sprintln` when `newline` (spaces
    /// between all operands and a newline after them).
    Sprint { args: u32, newline: bool },
}

/// A memory access made by the instruction it is attached to (see [`super::Function::accesses`]),
/// for race mode: what it reads or writes, and the location's name as the model spells it.
///
/// The location itself is computed when the instruction runs, from its operands:
/// - `LoadGlobal`/`StoreGlobal`: the package-level variable;
/// - `Load` (pointer on top) / `Store` (pointer below the value): the cell or the part of a
///   struct, array or slice element the pointer points to;
/// - `Index` / `SetIndex` on a slice: one element of the backing array (on an array or string
///   value: no access, the value is the goroutine's own copy);
/// - `MapIndex`, `MapKeys` (reads) and `MapStore`, `MapDelete` (writes): the whole map, as Go's
///   race detector treats maps;
/// - `Append`/`AppendSlice`: the elements written in place, or the elements copied when the
///   backing array grows (and, for `AppendSlice`, the elements of the appended slice).
///
/// `fields` narrows the location to a struct field below it: `p.f` is lowered as `Load` then
/// `Field`, and `p.f = v` as a read-modify-write of `*p` whose first instruction (the `Load`)
/// carries the whole access (a write of `p.f`) while its final `Store` carries none, so that the
/// pair runs in one transition even in race mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessSite {
    /// A write (`true`) or a read.
    pub write: bool,
    /// The location as the model spells it: `atExitFuncs`, `b.WorkDir`, `s[i]`.
    pub label: LabelId,
    /// Struct fields below the location the operands give, outermost first.
    pub fields: Vec<u32>,
}

impl Instr {
    /// Whether this instruction may read or write memory that goroutines share, so that the
    /// front end describes it with an [`AccessSite`].
    pub fn may_access_memory(&self) -> bool {
        matches!(
            self,
            Instr::LoadGlobal(_)
                | Instr::StoreGlobal(_)
                | Instr::Load
                | Instr::Store
                | Instr::Index
                | Instr::SetIndex
                | Instr::MapIndex(_)
                | Instr::MapStore
                | Instr::MapDelete
                | Instr::MapKeys
                | Instr::Append(_)
                | Instr::AppendSlice
                | Instr::Copy
                | Instr::Clear(_)
        )
    }

    /// Whether this access instruction writes (its default [`AccessSite::write`]).
    pub fn writes_memory(&self) -> bool {
        matches!(
            self,
            Instr::StoreGlobal(_)
                | Instr::Store
                | Instr::SetIndex
                | Instr::MapStore
                | Instr::MapDelete
                | Instr::Append(_)
                | Instr::AppendSlice
                | Instr::Copy
                | Instr::Clear(_)
        )
    }
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
