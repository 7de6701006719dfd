//! Random well-formed Go programs, shared by the engine agreement proptest
//! (`engines_proptest.rs`) and the differential check against the real Go runtime
//! (`differential.rs`).
//!
//! The programs have 2 to 4 goroutines (`main` and 1 to 3 `go func() {...}()`), 1 to 3
//! channels (unbuffered or buffered), and statements drawn from: send, receive, `close`,
//! `select` with 1 to 3 cases with and without `default`, `mu.Lock()`/`mu.Unlock()` around
//! other statements, a stray `mu.Unlock()`, `once.Do(func() {...})`, and a `sync.WaitGroup`
//! (`wg.Add` before the goroutines start, `wg.Done()` at the end of some, `wg.Wait()` at the
//! end of `main`, sometimes one `Add` too many or too few). With [`Extras::On`] they also
//! print (`println`), panic with a message, recover in a deferred call, copy the mutex (a copy
//! of a locked mutex is locked), and pass the WaitGroup by value (`Done` on a copy). No loops,
//! so Go's loop-variable semantics (per loop before Go 1.22) never matter.
//!
//! [`Extras::Library`] (the differential check's set) adds the rest of the library's
//! synchronization: `sync.RWMutex` (read and write sections, a read section inside another,
//! which deadlocks behind a pending writer, a stray `RUnlock` or `Unlock`), `sync.Cond` (`Wait`
//! in a `for !ready` loop under its mutex, `Signal` and `Broadcast` with or without setting
//! `ready`, inside or outside the lock), `sync/atomic` (`AddInt64`, `LoadInt64`,
//! `CompareAndSwapInt64` on an `int64`, the methods of an `atomic.Int32`) with the values
//! printed, `context.WithCancel` (a `select` on `ctx.Done()` and a channel, `ctx.Err()`,
//! `cancel()` called or deferred), `len` and `cap` of a channel printed, and `for v := range c`
//! (each iteration consumes a value, so it ends after the finitely many sends, or blocks). Still
//! no unbounded loop: a `for !ready { cond.Wait() }` runs once per wake-up, and wake-ups are
//! finitely many.

#![allow(dead_code)]

use std::fmt::{self, Write};

use proptest::prelude::*;

/// Operations on channels inside `select` and as statements.
#[derive(Clone, Copy, Debug)]
pub enum ChanOp {
    Send(usize),
    Recv(usize),
}

/// One statement.
#[derive(Clone, Debug)]
pub enum Stmt {
    Chan(ChanOp),
    Close(usize),
    Select {
        cases: Vec<ChanOp>,
        default: bool,
    },
    Locked(Vec<Stmt>),
    Unlock,
    Once(Option<ChanOp>),
    /// `println("p<n>")`.
    Print(u8),
    /// `panic("boom<n>")`.
    Panic(u8),
    /// The statement inside a function whose deferred call recovers.
    Recovered(Box<Stmt>),
    /// `m := mu; m.Lock(); m.Unlock()`: a copy of the mutex, locked if `mu` was.
    CopyMutex,
    /// `done(wg)`: `Done` on a copy of the WaitGroup.
    DoneOnCopy,
    /// `rw.RLock()`, the statements, `rw.RUnlock()`.
    RLocked(Vec<Stmt>),
    /// `rw.Lock()`, the statements, `rw.Unlock()`.
    WLocked(Vec<Stmt>),
    /// A stray `rw.Unlock()` (`true`) or `rw.RUnlock()` (`false`).
    RwUnlock(bool),
    /// `cmu.Lock(); for !ready { cond.Wait() }; cmu.Unlock()`.
    CondWait,
    /// `ready = set` under `cmu`, then `cond.Broadcast()` (or `Signal()`), called while `cmu`
    /// is still held when `locked`.
    CondWake {
        broadcast: bool,
        set: bool,
        locked: bool,
    },
    /// A `sync/atomic` operation.
    Atomic(AtomicOp),
    /// `cancel()`.
    Cancel,
    /// `select` on `<-ctx.Done()` and a channel operation, each case printing.
    DoneOr(ChanOp),
    /// `if ctx.Err() != nil { println("canceled") }`.
    CtxErr,
    /// `println("len", len(c<n>), cap(c<n>))`.
    LenCap(usize),
    /// `for v := range c<n> { println("r", v) }`.
    Range(usize),
}

/// The `sync/atomic` operations, on `n int64` (functions) and `flag atomic.Int32` (methods).
#[derive(Clone, Copy, Debug)]
pub enum AtomicOp {
    /// `atomic.AddInt64(&n, 1)`.
    Add,
    /// `println("n", atomic.LoadInt64(&n))`.
    Load,
    /// `if atomic.CompareAndSwapInt64(&n, <old>, 5) { println("cas<old>") }`.
    Cas(u8),
    /// `println("f+", flag.Add(1))`.
    FlagAdd,
    /// `println("f", flag.Load())`.
    FlagLoad,
    /// `if flag.CompareAndSwap(<old>, <old>+1) { println("won<old>") }`.
    FlagCas(u8),
    /// `println("was", flag.Swap(7))`.
    FlagSwap,
    /// `flag.Store(2)`.
    FlagStore,
}

/// Whether programs use the statements beyond the agreement test's set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extras {
    Off,
    On,
    /// `On` and the rest of the library's synchronization (RWMutex, Cond, atomics, context,
    /// `len`/`cap`, range over a channel).
    Library,
}

/// A goroutine (the first is `main`): its statements, and whether it ends with `wg.Done()`
/// (for `main`: with `wg.Wait()`).
#[derive(Clone, Debug)]
pub struct Body {
    pub statements: Vec<Stmt>,
    pub waitgroup: bool,
    /// Whether it starts with `defer cancel()` ([`Extras::Library`] only).
    pub defer_cancel: bool,
}

/// A whole program.
#[derive(Clone, Debug)]
pub struct GoProgram {
    pub capacities: Vec<u8>,
    pub bodies: Vec<Body>,
    pub add_skew: i8,
    pub extras: Extras,
    /// How many goroutines each `go func() {...}()` starts (a loop around it when more than
    /// one): copies of one closure, interchangeable, for the symmetry reduction's tests.
    pub replicas: usize,
}

fn chan_op(channels: usize) -> impl Strategy<Value = ChanOp> {
    prop_oneof![
        (0..channels).prop_map(ChanOp::Send),
        (0..channels).prop_map(ChanOp::Recv),
    ]
}

fn simple(channels: usize, extras: Extras) -> BoxedStrategy<Stmt> {
    let base = prop_oneof![
        6 => chan_op(channels).prop_map(Stmt::Chan),
        1 => (0..channels).prop_map(Stmt::Close),
        3 => (prop::collection::vec(chan_op(channels), 1..=3), any::<bool>())
            .prop_map(|(cases, default)| Stmt::Select { cases, default }),
        1 => Just(Stmt::Unlock),
        1 => prop::option::of(chan_op(channels)).prop_map(Stmt::Once),
    ];
    if extras == Extras::Off {
        return base.boxed();
    }
    let risky = prop_oneof![
        chan_op(channels).prop_map(Stmt::Chan),
        (0..channels).prop_map(Stmt::Close),
        (0..4u8).prop_map(Stmt::Panic),
        Just(Stmt::Unlock),
    ];
    let on = prop_oneof![
        12 => base,
        3 => (0..4u8).prop_map(Stmt::Print),
        1 => (0..4u8).prop_map(Stmt::Panic),
        2 => risky.prop_map(|inner| Stmt::Recovered(Box::new(inner))),
        1 => Just(Stmt::CopyMutex),
        1 => Just(Stmt::DoneOnCopy),
    ];
    if extras == Extras::On {
        return on.boxed();
    }
    let ops = || prop::collection::vec(chan_op(channels).prop_map(Stmt::Chan), 0..=1);
    prop_oneof![
        12 => on,
        // A short read section: inside another one, the recursive RLock.
        2 => ops().prop_map(Stmt::RLocked),
        1 => ops().prop_map(Stmt::WLocked),
        1 => any::<bool>().prop_map(Stmt::RwUnlock),
        2 => Just(Stmt::CondWait),
        2 => (any::<bool>(), prop::bool::weighted(0.8), any::<bool>())
            .prop_map(|(broadcast, set, locked)| Stmt::CondWake { broadcast, set, locked }),
        4 => atomic_op().prop_map(Stmt::Atomic),
        1 => Just(Stmt::Cancel),
        2 => chan_op(channels).prop_map(Stmt::DoneOr),
        1 => Just(Stmt::CtxErr),
        1 => (0..channels).prop_map(Stmt::LenCap),
        1 => (0..channels).prop_map(Stmt::Range),
    ]
    .boxed()
}

fn atomic_op() -> impl Strategy<Value = AtomicOp> {
    prop_oneof![
        Just(AtomicOp::Add),
        Just(AtomicOp::Load),
        (0..2u8).prop_map(AtomicOp::Cas),
        Just(AtomicOp::FlagAdd),
        Just(AtomicOp::FlagLoad),
        (0..2u8).prop_map(AtomicOp::FlagCas),
        Just(AtomicOp::FlagSwap),
        Just(AtomicOp::FlagStore),
    ]
}

fn statement(channels: usize, extras: Extras) -> BoxedStrategy<Stmt> {
    let sections = || prop::collection::vec(simple(channels, extras), 0..=2);
    let plain = prop_oneof![
        8 => simple(channels, extras),
        2 => sections().prop_map(Stmt::Locked),
    ];
    if extras != Extras::Library {
        return plain.boxed();
    }
    prop_oneof![
        10 => plain,
        2 => sections().prop_map(Stmt::RLocked),
        1 => sections().prop_map(Stmt::WLocked),
    ]
    .boxed()
}

fn body(channels: usize, statements: usize, extras: Extras) -> impl Strategy<Value = Body> {
    // Only `Library` programs draw it, so the other sets' programs stay those of a seed.
    let defer_cancel = match extras {
        Extras::Library => prop::bool::weighted(0.2).boxed(),
        Extras::Off | Extras::On => Just(false).boxed(),
    };
    (
        prop::collection::vec(statement(channels, extras), 0..=statements),
        prop::bool::weighted(0.6),
        defer_cancel,
    )
        .prop_map(|(statements, waitgroup, defer_cancel)| Body {
            statements,
            waitgroup,
            defer_cancel,
        })
}

/// Programs of the agreement test: at most about 8 statements, so that loom can run every
/// schedule.
pub fn program(extras: Extras) -> impl Strategy<Value = GoProgram> {
    (
        prop::collection::vec(
            prop_oneof![3 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
            1..=3,
        ),
        2..=4usize,
    )
        .prop_flat_map(move |(capacities, goroutines)| {
            let channels = capacities.len();
            let statements = 8 / goroutines;
            (
                Just(capacities),
                prop::collection::vec(body(channels, statements, extras), goroutines),
                prop_oneof![8 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)],
            )
        })
        .prop_map(move |(capacities, bodies, add_skew)| GoProgram {
            capacities,
            bodies,
            add_skew,
            extras,
            replicas: 1,
        })
}

/// Programs whose goroutines other than `main` are started twice or three times each by a
/// loop around one `go` statement: 1 or 2 such statements, a few statements each.
pub fn symmetric_program() -> impl Strategy<Value = GoProgram> {
    (
        prop::collection::vec(
            prop_oneof![3 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
            1..=2,
        ),
        2..=3usize,
        2..=3usize,
    )
        .prop_flat_map(|(capacities, goroutines, replicas)| {
            let channels = capacities.len();
            (
                Just(capacities),
                prop::collection::vec(body(channels, 3, Extras::Off), goroutines),
                Just(replicas),
            )
        })
        .prop_map(|(capacities, bodies, replicas)| GoProgram {
            capacities,
            bodies,
            add_skew: 0,
            extras: Extras::Off,
            replicas,
        })
}

impl fmt::Display for ChanOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChanOp::Send(channel) => write!(f, "c{channel} <- 1"),
            ChanOp::Recv(channel) => write!(f, "<-c{channel}"),
        }
    }
}

fn write_statements(out: &mut String, statements: &[Stmt], indent: usize) {
    for statement in statements {
        write_statement(out, statement, indent);
    }
}

fn write_statement(out: &mut String, statement: &Stmt, indent: usize) {
    let tabs = "\t".repeat(indent);
    match statement {
        Stmt::Chan(op) => writeln!(out, "{tabs}{op}").unwrap(),
        Stmt::Close(channel) => writeln!(out, "{tabs}close(c{channel})").unwrap(),
        Stmt::Select { cases, default } => {
            writeln!(out, "{tabs}select {{").unwrap();
            for case in cases {
                writeln!(out, "{tabs}case {case}:").unwrap();
            }
            if *default {
                writeln!(out, "{tabs}default:").unwrap();
            }
            writeln!(out, "{tabs}}}").unwrap();
        }
        Stmt::Locked(inner) => {
            writeln!(out, "{tabs}mu.Lock()").unwrap();
            write_statements(out, inner, indent);
            writeln!(out, "{tabs}mu.Unlock()").unwrap();
        }
        Stmt::Unlock => writeln!(out, "{tabs}mu.Unlock()").unwrap(),
        Stmt::Once(op) => {
            writeln!(out, "{tabs}once.Do(func() {{").unwrap();
            if let Some(op) = op {
                writeln!(out, "{tabs}\t{op}").unwrap();
            }
            writeln!(out, "{tabs}}})").unwrap();
        }
        Stmt::Print(n) => writeln!(out, "{tabs}println(\"p{n}\")").unwrap(),
        Stmt::Panic(n) => writeln!(out, "{tabs}panic(\"boom{n}\")").unwrap(),
        Stmt::Recovered(inner) => {
            writeln!(out, "{tabs}func() {{").unwrap();
            writeln!(out, "{tabs}\tdefer func() {{ recover() }}()").unwrap();
            write_statement(out, inner, indent + 1);
            writeln!(out, "{tabs}}}()").unwrap();
        }
        Stmt::CopyMutex => {
            writeln!(out, "{tabs}{{").unwrap();
            writeln!(out, "{tabs}\tm := mu").unwrap();
            writeln!(out, "{tabs}\tm.Lock()").unwrap();
            writeln!(out, "{tabs}\tm.Unlock()").unwrap();
            writeln!(out, "{tabs}}}").unwrap();
        }
        Stmt::DoneOnCopy => writeln!(out, "{tabs}done(wg)").unwrap(),
        Stmt::RLocked(inner) => {
            writeln!(out, "{tabs}rw.RLock()").unwrap();
            write_statements(out, inner, indent);
            writeln!(out, "{tabs}rw.RUnlock()").unwrap();
        }
        Stmt::WLocked(inner) => {
            writeln!(out, "{tabs}rw.Lock()").unwrap();
            write_statements(out, inner, indent);
            writeln!(out, "{tabs}rw.Unlock()").unwrap();
        }
        Stmt::RwUnlock(true) => writeln!(out, "{tabs}rw.Unlock()").unwrap(),
        Stmt::RwUnlock(false) => writeln!(out, "{tabs}rw.RUnlock()").unwrap(),
        Stmt::CondWait => {
            writeln!(out, "{tabs}cmu.Lock()").unwrap();
            writeln!(out, "{tabs}for !ready {{").unwrap();
            writeln!(out, "{tabs}\tcond.Wait()").unwrap();
            writeln!(out, "{tabs}}}").unwrap();
            writeln!(out, "{tabs}cmu.Unlock()").unwrap();
        }
        Stmt::CondWake {
            broadcast,
            set,
            locked,
        } => {
            let wake = if *broadcast { "Broadcast" } else { "Signal" };
            writeln!(out, "{tabs}cmu.Lock()").unwrap();
            writeln!(out, "{tabs}ready = {set}").unwrap();
            if *locked {
                writeln!(out, "{tabs}cond.{wake}()").unwrap();
                writeln!(out, "{tabs}cmu.Unlock()").unwrap();
            } else {
                writeln!(out, "{tabs}cmu.Unlock()").unwrap();
                writeln!(out, "{tabs}cond.{wake}()").unwrap();
            }
        }
        Stmt::Atomic(op) => match op {
            AtomicOp::Add => writeln!(out, "{tabs}atomic.AddInt64(&n, 1)").unwrap(),
            AtomicOp::Load => writeln!(out, "{tabs}println(\"n\", atomic.LoadInt64(&n))").unwrap(),
            AtomicOp::Cas(old) => {
                writeln!(out, "{tabs}if atomic.CompareAndSwapInt64(&n, {old}, 5) {{").unwrap();
                writeln!(out, "{tabs}\tprintln(\"cas{old}\")").unwrap();
                writeln!(out, "{tabs}}}").unwrap();
            }
            AtomicOp::FlagAdd => writeln!(out, "{tabs}println(\"f+\", flag.Add(1))").unwrap(),
            AtomicOp::FlagLoad => writeln!(out, "{tabs}println(\"f\", flag.Load())").unwrap(),
            AtomicOp::FlagCas(old) => {
                let new = old + 1;
                writeln!(out, "{tabs}if flag.CompareAndSwap({old}, {new}) {{").unwrap();
                writeln!(out, "{tabs}\tprintln(\"won{old}\")").unwrap();
                writeln!(out, "{tabs}}}").unwrap();
            }
            AtomicOp::FlagSwap => writeln!(out, "{tabs}println(\"was\", flag.Swap(7))").unwrap(),
            AtomicOp::FlagStore => writeln!(out, "{tabs}flag.Store(2)").unwrap(),
        },
        Stmt::Cancel => writeln!(out, "{tabs}cancel()").unwrap(),
        Stmt::DoneOr(op) => {
            writeln!(out, "{tabs}select {{").unwrap();
            writeln!(out, "{tabs}case <-ctx.Done():").unwrap();
            writeln!(out, "{tabs}\tprintln(\"done\")").unwrap();
            writeln!(out, "{tabs}case {op}:").unwrap();
            writeln!(out, "{tabs}\tprintln(\"op\")").unwrap();
            writeln!(out, "{tabs}}}").unwrap();
        }
        Stmt::CtxErr => {
            writeln!(out, "{tabs}if ctx.Err() != nil {{").unwrap();
            writeln!(out, "{tabs}\tprintln(\"canceled\")").unwrap();
            writeln!(out, "{tabs}}}").unwrap();
        }
        Stmt::LenCap(channel) => writeln!(
            out,
            "{tabs}println(\"len\", len(c{channel}), cap(c{channel}))"
        )
        .unwrap(),
        Stmt::Range(channel) => {
            writeln!(out, "{tabs}for v := range c{channel} {{").unwrap();
            writeln!(out, "{tabs}\tprintln(\"r\", v)").unwrap();
            writeln!(out, "{tabs}}}").unwrap();
        }
    }
}

/// What a program's statements use beyond channels, the mutex, Once and the WaitGroup: the
/// declarations and imports it needs (Go rejects an unused import).
#[derive(Default)]
struct Uses {
    rwmutex: bool,
    cond: bool,
    atomic: bool,
    context: bool,
}

impl Uses {
    fn statements(&mut self, statements: &[Stmt]) {
        for statement in statements {
            self.statement(statement);
        }
    }

    fn statement(&mut self, statement: &Stmt) {
        match statement {
            Stmt::Locked(inner) => self.statements(inner),
            Stmt::RLocked(inner) | Stmt::WLocked(inner) => {
                self.rwmutex = true;
                self.statements(inner);
            }
            Stmt::Recovered(inner) => self.statement(inner),
            Stmt::RwUnlock(_) => self.rwmutex = true,
            Stmt::CondWait | Stmt::CondWake { .. } => self.cond = true,
            Stmt::Atomic(_) => self.atomic = true,
            Stmt::Cancel | Stmt::DoneOr(_) | Stmt::CtxErr => self.context = true,
            Stmt::Chan(_)
            | Stmt::Close(_)
            | Stmt::Select { .. }
            | Stmt::Unlock
            | Stmt::Once(_)
            | Stmt::Print(_)
            | Stmt::Panic(_)
            | Stmt::CopyMutex
            | Stmt::DoneOnCopy
            | Stmt::LenCap(_)
            | Stmt::Range(_) => {}
        }
    }
}

impl fmt::Display for GoProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut uses = Uses::default();
        for body in &self.bodies {
            uses.statements(&body.statements);
            uses.context |= body.defer_cancel;
        }
        let mut out = String::new();
        if uses.atomic || uses.context {
            out.push_str("package main\n\nimport (\n");
            if uses.context {
                out.push_str("\t\"context\"\n");
            }
            out.push_str("\t\"sync\"\n");
            if uses.atomic {
                out.push_str("\t\"sync/atomic\"\n");
            }
            out.push_str(")\n\nvar (\n");
        } else {
            out.push_str("package main\n\nimport \"sync\"\n\nvar (\n");
        }
        out.push_str("\tmu   sync.Mutex\n\twg   sync.WaitGroup\n\tonce sync.Once\n");
        if uses.rwmutex {
            out.push_str("\trw   sync.RWMutex\n");
        }
        if uses.cond {
            out.push_str("\tcmu   sync.Mutex\n\tcond  = sync.NewCond(&cmu)\n\tready bool\n");
        }
        if uses.atomic {
            out.push_str("\tn    int64\n\tflag atomic.Int32\n");
        }
        for (index, capacity) in self.capacities.iter().enumerate() {
            if *capacity == 0 {
                writeln!(out, "\tc{index} = make(chan int)").unwrap();
            } else {
                writeln!(out, "\tc{index} = make(chan int, {capacity})").unwrap();
            }
        }
        out.push_str(")\n\n");
        if uses.context {
            out.push_str("var ctx, cancel = context.WithCancel(context.Background())\n\n");
        }
        if self.extras != Extras::Off {
            out.push_str("func done(w sync.WaitGroup) {\n\tw.Done()\n}\n\n");
        }
        out.push_str("func main() {\n");
        let done = self.bodies[1..]
            .iter()
            .filter(|body| body.waitgroup)
            .count() as i64
            * self.replicas as i64;
        let add = done + i64::from(self.add_skew);
        if add != 0 {
            writeln!(out, "\twg.Add({add})").unwrap();
        }
        for body in &self.bodies[1..] {
            let looped = self.replicas > 1;
            if looped {
                writeln!(out, "\tfor i := 0; i < {}; i++ {{", self.replicas).unwrap();
            }
            let tabs = if looped { "\t\t" } else { "\t" };
            writeln!(out, "{tabs}go func() {{").unwrap();
            if body.defer_cancel {
                writeln!(out, "{tabs}\tdefer cancel()").unwrap();
            }
            write_statements(&mut out, &body.statements, tabs.len() + 1);
            if body.waitgroup {
                writeln!(out, "{tabs}\twg.Done()").unwrap();
            }
            writeln!(out, "{tabs}}}()").unwrap();
            if looped {
                out.push_str("\t}\n");
            }
        }
        if self.bodies[0].defer_cancel {
            out.push_str("\tdefer cancel()\n");
        }
        write_statements(&mut out, &self.bodies[0].statements, 1);
        if self.bodies[0].waitgroup {
            out.push_str("\twg.Wait()\n");
        }
        out.push_str("}\n");
        f.write_str(&out)
    }
}
