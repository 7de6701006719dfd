//! Random well-formed Go programs, checked three ways (STYLE, tests 5): the native explorer's
//! state invariants hold in every state it reaches (debug builds check them after every step;
//! a broken one is a step error), every counterexample replays to the identical trace, and the
//! outcome kinds loom and shuttle reach are native ones, and exactly the native ones where loom
//! explored every interleaving and data choice.
//!
//! The programs have 2 to 4 goroutines (`main` and 1 to 3 `go func() {...}()`), 1 to 3
//! channels (unbuffered or buffered), and statements drawn from: send, receive, `close`,
//! `select` with 1 to 3 cases with and without `default`, `mu.Lock()`/`mu.Unlock()` around
//! other statements, a stray `mu.Unlock()`, `once.Do(func() {...})`, and a `sync.WaitGroup`
//! (`wg.Add` before the goroutines start, `wg.Done()` at the end of some, `wg.Wait()` at the
//! end of `main`, sometimes one `Add` too many or too few). Deadlocks, leaks and panics are all
//! fine: the engines only have to agree on them.
//!
//! The seed is fixed (`PROPTEST_RNG_SEED` overrides it, `PROPTEST_CASES` the number of cases),
//! and failures found once are kept in `model/proptest-regressions/engines_proptest.txt` and
//! run first.

#![cfg(all(feature = "loom", feature = "shuttle"))]

mod engines_support;

use std::fmt::{self, Write};

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence, RngSeed};

use engines_support::{
    assert_sound, assert_subset, check_text, kind_names, loom_in_child, remove_scratch,
    scratch_file, shuttle,
};
use gomc::check::replay;
use gomc::{Config, Scheduler};

/// Cases per run unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 48;

/// The seed unless `PROPTEST_RNG_SEED` says otherwise.
const SEED: u64 = 0x676f_6d63;

/// loom's budget per program: small programs finish far below it.
const LOOM_ITERATIONS: &str = "5000";

/// shuttle's budget per program and scheduler.
const SHUTTLE_ITERATIONS: u64 = 100;

/// Operations on channels inside `select` and as statements.
#[derive(Clone, Copy, Debug)]
enum ChanOp {
    Send(usize),
    Recv(usize),
}

/// One statement.
#[derive(Clone, Debug)]
enum Stmt {
    Chan(ChanOp),
    Close(usize),
    Select { cases: Vec<ChanOp>, default: bool },
    Locked(Vec<Stmt>),
    Unlock,
    Once(Option<ChanOp>),
}

/// A goroutine (the first is `main`): its statements, and whether it ends with `wg.Done()`
/// (for `main`: with `wg.Wait()`).
#[derive(Clone, Debug)]
struct Body {
    statements: Vec<Stmt>,
    waitgroup: bool,
}

/// A whole program.
#[derive(Clone, Debug)]
struct GoProgram {
    capacities: Vec<u8>,
    bodies: Vec<Body>,
    add_skew: i8,
}

fn chan_op(channels: usize) -> impl Strategy<Value = ChanOp> {
    prop_oneof![
        (0..channels).prop_map(ChanOp::Send),
        (0..channels).prop_map(ChanOp::Recv),
    ]
}

fn simple(channels: usize) -> impl Strategy<Value = Stmt> {
    prop_oneof![
        6 => chan_op(channels).prop_map(Stmt::Chan),
        1 => (0..channels).prop_map(Stmt::Close),
        3 => (prop::collection::vec(chan_op(channels), 1..=3), any::<bool>())
            .prop_map(|(cases, default)| Stmt::Select { cases, default }),
        1 => Just(Stmt::Unlock),
        1 => prop::option::of(chan_op(channels)).prop_map(Stmt::Once),
    ]
}

fn statement(channels: usize) -> impl Strategy<Value = Stmt> {
    prop_oneof![
        8 => simple(channels),
        2 => prop::collection::vec(simple(channels), 0..=2).prop_map(Stmt::Locked),
    ]
}

fn body(channels: usize, statements: usize) -> impl Strategy<Value = Body> {
    (
        prop::collection::vec(statement(channels), 0..=statements),
        prop::bool::weighted(0.6),
    )
        .prop_map(|(statements, waitgroup)| Body {
            statements,
            waitgroup,
        })
}

fn program() -> impl Strategy<Value = GoProgram> {
    (
        prop::collection::vec(
            prop_oneof![3 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
            1..=3,
        ),
        2..=4usize,
    )
        .prop_flat_map(|(capacities, goroutines)| {
            let channels = capacities.len();
            // At most about 8 statements in all, so that loom can run every schedule.
            let statements = 8 / goroutines;
            (
                Just(capacities),
                prop::collection::vec(body(channels, statements), goroutines),
                prop_oneof![8 => Just(0i8), 1 => Just(-1i8), 1 => Just(1i8)],
            )
        })
        .prop_map(|(capacities, bodies, add_skew)| GoProgram {
            capacities,
            bodies,
            add_skew,
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
    let tabs = "\t".repeat(indent);
    for statement in statements {
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
        }
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
        out.push_str(")\n\nfunc main() {\n");
        let done = self.bodies[1..]
            .iter()
            .filter(|body| body.waitgroup)
            .count() as i64;
        let add = done + i64::from(self.add_skew);
        if add != 0 {
            writeln!(out, "\twg.Add({add})").unwrap();
        }
        for body in &self.bodies[1..] {
            out.push_str("\tgo func() {\n");
            write_statements(&mut out, &body.statements, 2);
            if body.waitgroup {
                out.push_str("\t\twg.Done()\n");
            }
            out.push_str("\t}()\n");
        }
        write_statements(&mut out, &self.bodies[0].statements, 1);
        if self.bodies[0].waitgroup {
            out.push_str("\twg.Wait()\n");
        }
        out.push_str("}\n");
        f.write_str(&out)
    }
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if matches!(config.rng_seed, RngSeed::Random) {
        config.rng_seed = RngSeed::Fixed(SEED);
    }
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    config.max_shrink_iters = 256;
    // Relative to the crate folder, where cargo runs integration tests.
    config.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(
        "proptest-regressions/engines_proptest.txt",
    )));
    config
}

/// The three checks on one program.
fn check_three_ways(source: &str) {
    let name = "generated.go";
    let native = check_text(name, source, &Config::new());
    assert_sound(name, &native);
    assert!(native.exhaustive, "the native search is exhaustive");
    for outcome in &native.outcomes {
        let replayed = replay(name, source, &Config::new(), &outcome.witness.schedule)
            .unwrap_or_else(|error| panic!("{} replay failed: {error}", outcome.kind.name()));
        assert_eq!(replayed.outcome, Some(outcome.kind), "replayed outcome");
        assert_eq!(replayed.trace, outcome.witness.trace, "replayed trace");
        assert_eq!(
            replayed.goroutines, outcome.witness.goroutines,
            "replayed dump"
        );
    }
    let native_kinds = kind_names(&native);
    for scheduler in [Scheduler::Random, Scheduler::Pct { depth: 3 }] {
        let report = check_text(name, source, &shuttle(scheduler, 0, SHUTTLE_ITERATIONS));
        assert_sound(name, &report);
        assert_subset(
            name,
            &format!("shuttle {}", scheduler.describe()),
            &kind_names(&report),
            &native_kinds,
        );
    }
    let path = scratch_file(name, source);
    let loom = loom_in_child(&path, &["--iterations", LOOM_ITERATIONS]);
    remove_scratch(&path);
    assert!(loom.skipped.is_none(), "at most 4 goroutines fit loom");
    assert_subset(name, "loom", &loom.kinds, &native_kinds);
    if loom.exhaustive {
        assert_eq!(loom.kinds, native_kinds, "loom explored everything");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_programs_agree_on_all_three_engines(program in program()) {
        let source = program.to_string();
        let checked = std::panic::catch_unwind(|| check_three_ways(&source));
        if let Err(payload) = checked {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|text| text.to_string()))
                .unwrap_or_default();
            return Err(TestCaseError::fail(format!("{message}\nprogram:\n{source}")));
        }
    }
}
