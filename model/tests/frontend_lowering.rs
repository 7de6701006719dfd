//! Front-end tests: how Go constructs lower to the IR (the cmd/dist model's sync operations,
//! names as Go prints them, closures and cells). Positions were worked out by hand (see
//! `frontend_common`); sync, select, defer, order, arrays and errors are
//! `frontend_lowering_sync.rs`'s.

mod frontend_common;

use frontend_common::*;
use gomc::frontend::CompileOptions;
use gomc::program::{Instr, Program};

// ---- the cmd/dist background workers ----

#[test]
fn dist_model_compiles_to_the_expected_sync_operations() {
    let program = ok(DIST);
    check_shape(&program);
    let label = |name: &str| program.labels.iter().position(|l| l == name).unwrap() as u32;
    let names: Vec<&str> = program.functions.iter().map(|f| f.name.as_str()).collect();
    for expected in [
        "main.bghelper",
        "main.bgrun",
        "main.bgrun.func1",
        "main.bgrun.func1.deferwrap1",
        "main.bgwait",
        "main.bgwait.func1",
        "main.fatalf",
        "main.main",
        "main.main.func1",
        "runtime.main",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(program.function(program.start).name, "runtime.main");
    assert!(program.function(program.start).synthetic);
    assert_eq!(program.function(program.entry).name, "main.main");

    // The receive expression and the send statement.
    let recv =
        |i: &Instr| matches!(i, Instr::Recv { label: l, with_ok: false } if l.0 == label("bgwork"));
    assert_eq!(positions(&program, "main.bghelper", recv), [(21, 8)]);
    let send = |i: &Instr| matches!(i, Instr::Send(l) if l.0 == label("bgwork"));
    assert_eq!(positions(&program, "main.bgrun", send), [(27, 2)]);
    // The deferred wg.Done() runs in a synthetic wrapper taking the WaitGroup.
    let wrapper = function(&program, "main.bgrun.func1.deferwrap1");
    assert!(wrapper.synthetic);
    assert_eq!(wrapper.params, 1);
    assert_eq!(
        wrapper.code,
        [
            Instr::LoadLocal(0),
            Instr::PushInt(-1),
            Instr::WaitGroupAdd(gomc::program::LabelId(label("wg"))),
            Instr::Return
        ]
    );
    let defer = |i: &Instr| matches!(i, Instr::Defer { args: 1 });
    assert_eq!(positions(&program, "main.bgrun.func1", defer), [(28, 3)]);
    // The goroutine that waits and closes.
    let wait = |i: &Instr| matches!(i, Instr::WaitGroupWait(l) if l.0 == label("wg"));
    assert_eq!(positions(&program, "main.bgwait.func1", wait), [(36, 3)]);
    let close_done = |i: &Instr| matches!(i, Instr::Close(l) if l.0 == label("done"));
    assert_eq!(
        positions(&program, "main.bgwait.func1", close_done),
        [(37, 3)]
    );
    assert_eq!(function(&program, "main.bgwait.func1").decl.line, 35);
    assert_eq!(function(&program, "main.bgwait.func1").decl.col, 5);
    let go = |i: &Instr| matches!(i, Instr::Go { args: 0 });
    assert_eq!(positions(&program, "main.bgwait", go), [(35, 2)]);
    // The select over done and dying.
    let select = |i: &Instr| matches!(i, Instr::Select(_));
    assert_eq!(positions(&program, "main.bgwait", select), [(39, 2)]);
    let table = &program.selects[0];
    assert_eq!(table.cases.len(), 2);
    assert!(!table.has_default);
    assert_eq!(table.cases[0].label.0, label("done"));
    assert_eq!(table.cases[1].label.0, label("dying"));
    // atomic.AddInt32(&nfatal, 1) on the boxed global.
    let add = |i: &Instr| matches!(i, Instr::AtomicAdd { label: l, bits: 32, unsigned: false } if l.0 == label("nfatal"));
    assert_eq!(positions(&program, "main.bgwait", add), [(42, 3)]);
    assert_eq!(positions(&program, "main.fatalf", add), [(47, 5)]);
    let close_dying = |i: &Instr| matches!(i, Instr::Close(l) if l.0 == label("dying"));
    assert_eq!(positions(&program, "main.fatalf", close_dying), [(50, 2)]);
    assert_eq!(
        positions(&program, "main.fatalf", |i| *i == Instr::Exit),
        [(52, 2)]
    );
    let add_wg = |i: &Instr| matches!(i, Instr::WaitGroupAdd(l) if l.0 == label("wg"));
    assert_eq!(positions(&program, "main.main", add_wg), [(61, 3)]);

    // The disassembly shows the same, by name.
    let listing = program.disassemble();
    for line in [
        "   1  21:8    Recv bgwork",
        "  10  27:2    Send bgwork",
        "  14  39:2    Select [recv done, recv dying]",
        "  29  42:3    AtomicAdd nfatal bits=32",
        "  11  50:2    Close dying",
        "  15  52:2    Exit",
        "   2  28:9    WaitGroupAdd wg",
        "   6  16:2    Zero int",
        "   8  16:2    StoreGlobal nfatal",
    ] {
        assert!(listing.contains(line), "{line:?} not in\n{listing}");
    }
}

#[test]
fn deep_nesting_within_the_limit_does_not_overflow_the_stack() {
    // Run on a thread with the default 2 MiB test stack, in a debug build.
    for depth in [100, 250, 395] {
        let source = format!(
            "package main\nfunc main() {{\n\tx := {}1{}\n\t_ = x\n}}\n",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        let _ = compile_with(&source, &CompileOptions::default());
        let source = format!(
            "package main\nfunc main() {{\n{}{}\n}}\n",
            "{".repeat(depth / 3),
            "}".repeat(depth / 3)
        );
        let _ = compile_with(&source, &CompileOptions::default());
        let source = format!(
            "package main\nfunc main() {{\n\tx := 0\n\t_ = {}x{}\n}}\n",
            "-".repeat(depth),
            ""
        );
        let _ = compile_with(&source, &CompileOptions::default());
    }
}

// ---- naming, methods, closures ----

#[test]
fn functions_are_named_as_go_prints_them() {
    let source = "package main

type T struct{ n int }

func (t *T) Inc()     { t.n++ }
func (t T) Get() int  { return t.n }

var hook = func() {}

func init() {}

func init() { hook = func() {} }

func f() {
	g := func() {
		h := func() {}
		h()
	}
	g()
	k := func() {}
	k()
}

func main() {
	var t T
	t.Inc()
	_ = t.Get()
	f()
}
";
    let program = ok(source);
    check_shape(&program);
    let names: Vec<&str> = program.functions.iter().map(|f| f.name.as_str()).collect();
    for expected in [
        "main.(*T).Inc",
        "main.T.Get",
        "main.init.0",
        "main.init.1",
        "main.init.1.func1",
        "main.init.func1",
        "main.f.func1",
        "main.f.func1.1",
        "main.f.func2",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    // The receiver is parameter 0.
    assert_eq!(function(&program, "main.(*T).Inc").params, 1);
    // init functions run after the globals, before the entry.
    let start = program.function(program.start);
    let calls: Vec<&str> = start
        .code
        .iter()
        .filter_map(|i| match i {
            Instr::Call { func, .. } => Some(program.function(*func).name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(calls, ["main.init.0", "main.init.1", "main.main"]);
    // `t.Inc()` on an addressable variable takes its address: t lives in a cell.
    let main = function(&program, "main.main");
    let inc = program
        .functions
        .iter()
        .position(|f| f.name == "main.(*T).Inc")
        .unwrap() as u32;
    let at = main
        .code
        .iter()
        .position(|i| matches!(i, Instr::Call { func, args: 1 } if func.0 == inc))
        .unwrap();
    assert_eq!(main.code[at - 1], Instr::LoadLocal(0));
    assert_eq!(
        &main.code[..3],
        &[
            Instr::Zero(main_zero(&program)),
            Instr::NewCell,
            Instr::StoreLocal(0)
        ]
    );
}

fn main_zero(program: &Program) -> gomc::program::TypeId {
    let index = program
        .types
        .iter()
        .position(|t| matches!(t, gomc::program::Type::Struct(_)))
        .unwrap();
    gomc::program::TypeId(index as u32)
}

#[test]
fn closures_capture_cells_and_loop_variables_are_per_iteration() {
    let source = "package main

func main() {
	x := 1
	f := func() int {
		return func() int { return x }()
	}
	x = 2
	_ = f()
	for i := 0; i < 3; i++ {
		go func() { println(i) }()
	}
}
";
    let program = ok(source);
    check_shape(&program);
    let main = function(&program, "main.main");
    // x is declared into a new cell and assigned through it.
    assert_eq!(
        &main.code[..3],
        &[Instr::PushInt(1), Instr::NewCell, Instr::StoreLocal(0)]
    );
    assert!(main.code.windows(4).any(|w| w
        == [
            Instr::LoadLocal(0),
            Instr::PushInt(2),
            Instr::Store,
            Instr::LoadLocal(1)
        ]
        || w[..3] == [Instr::LoadLocal(0), Instr::PushInt(2), Instr::Store]));
    // The inner literal captures x through its parent's capture.
    let outer = function(&program, "main.main.func1");
    assert_eq!(outer.captures, 1);
    assert!(outer.code.contains(&Instr::LoadCapture(0)));
    let inner = function(&program, "main.main.func1.1");
    assert_eq!(inner.captures, 1);
    // After the prologue that zeroes the result slot.
    assert_eq!(&inner.code[2..4], &[Instr::LoadCapture(0), Instr::Load]);
    // Before the loop's post statement, i is copied into a fresh cell.
    let i_slot = 2;
    assert!(main.code.windows(4).any(|w| w
        == [
            Instr::LoadLocal(i_slot),
            Instr::Load,
            Instr::NewCell,
            Instr::StoreLocal(i_slot)
        ]));
}

#[test]
fn named_result_captured_by_a_closure_lives_in_a_cell() {
    let source = "package main

func f() (err error) {
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	return nil
}

func main() { _ = f() }
";
    let program = ok(source);
    let f = function(&program, "main.f");
    // The marker first, then the result's cell; `return nil` stores through the cell.
    assert_eq!(f.code[0], Instr::ResultCells(0b1));
    assert_eq!(
        &f.code[1..4],
        &[
            Instr::Zero(f_zero(&program)),
            Instr::NewCell,
            Instr::StoreLocal(0)
        ]
    );
    let tail = &f.code[f.code.len() - 7..f.code.len() - 1];
    assert_eq!(
        tail,
        &[
            Instr::PushNil,
            Instr::StoreLocal(1),
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::Store,
            Instr::Return,
        ][..],
        "{}",
        program.disassemble()
    );
}

/// The zero-value type of `main.f`'s first instruction after the marker.
fn f_zero(program: &Program) -> gomc::program::TypeId {
    match function(program, "main.f").code[1] {
        Instr::Zero(ty) => ty,
        ref other => panic!("expected Zero, found {other:?}"),
    }
}
