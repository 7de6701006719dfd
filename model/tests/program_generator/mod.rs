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
}

/// Whether programs use the statements beyond the agreement test's set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extras {
    Off,
    On,
}

/// A goroutine (the first is `main`): its statements, and whether it ends with `wg.Done()`
/// (for `main`: with `wg.Wait()`).
#[derive(Clone, Debug)]
pub struct Body {
    pub statements: Vec<Stmt>,
    pub waitgroup: bool,
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
    match extras {
        Extras::Off => base.boxed(),
        Extras::On => {
            let risky = prop_oneof![
                chan_op(channels).prop_map(Stmt::Chan),
                (0..channels).prop_map(Stmt::Close),
                (0..4u8).prop_map(Stmt::Panic),
                Just(Stmt::Unlock),
            ];
            prop_oneof![
                12 => base,
                3 => (0..4u8).prop_map(Stmt::Print),
                1 => (0..4u8).prop_map(Stmt::Panic),
                2 => risky.prop_map(|inner| Stmt::Recovered(Box::new(inner))),
                1 => Just(Stmt::CopyMutex),
                1 => Just(Stmt::DoneOnCopy),
            ]
            .boxed()
        }
    }
}

fn statement(channels: usize, extras: Extras) -> impl Strategy<Value = Stmt> {
    prop_oneof![
        8 => simple(channels, extras),
        2 => prop::collection::vec(simple(channels, extras), 0..=2).prop_map(Stmt::Locked),
    ]
}

fn body(channels: usize, statements: usize, extras: Extras) -> impl Strategy<Value = Body> {
    (
        prop::collection::vec(statement(channels, extras), 0..=statements),
        prop::bool::weighted(0.6),
    )
        .prop_map(|(statements, waitgroup)| Body {
            statements,
            waitgroup,
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
    }
}

impl fmt::Display for GoProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        out.push_str("package main\n\nimport \"sync\"\n\nvar (\n");
        out.push_str("\tmu   sync.Mutex\n\twg   sync.WaitGroup\n\tonce sync.Once\n");
        for (index, capacity) in self.capacities.iter().enumerate() {
            if *capacity == 0 {
                writeln!(out, "\tc{index} = make(chan int)").unwrap();
            } else {
                writeln!(out, "\tc{index} = make(chan int, {capacity})").unwrap();
            }
        }
        out.push_str(")\n\n");
        if self.extras == Extras::On {
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
            write_statements(&mut out, &body.statements, tabs.len() + 1);
            if body.waitgroup {
                writeln!(out, "{tabs}\twg.Done()").unwrap();
            }
            writeln!(out, "{tabs}}}()").unwrap();
            if looped {
                out.push_str("\t}\n");
            }
        }
        write_statements(&mut out, &self.bodies[0].statements, 1);
        if self.bodies[0].waitgroup {
            out.push_str("\twg.Wait()\n");
        }
        out.push_str("}\n");
        f.write_str(&out)
    }
}
