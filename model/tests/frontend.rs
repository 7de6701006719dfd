//! Front-end tests: Go source → `Program`, through the public API only.
//!
//! Positions asserted here were worked out by hand from the sources: lines and columns are
//! 1-based, columns count bytes (a tab is one column).

use gomc::frontend::{compile, CompileOptions, ModelError};
use gomc::program::{Function, Instr, Program, SourceFile};

fn compile_with(text: &str, options: &CompileOptions) -> Result<Program, ModelError> {
    compile(
        SourceFile {
            name: "model.go".to_string(),
            text: text.to_string(),
        },
        options,
    )
}

fn ok(text: &str) -> Program {
    match compile_with(text, &CompileOptions::default()) {
        Ok(program) => program,
        Err(error) => panic!("unexpected error:\n{error}"),
    }
}

fn err(text: &str) -> ModelError {
    err_with(text, &CompileOptions::default())
}

fn err_with(text: &str, options: &CompileOptions) -> ModelError {
    match compile_with(text, options) {
        Ok(program) => panic!("expected an error, got:\n{}", program.disassemble()),
        Err(error) => error,
    }
}

fn function<'p>(program: &'p Program, name: &str) -> &'p Function {
    program
        .functions
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no function {name} in\n{}", program.disassemble()))
}

/// The `(line, col)` of every instruction of `name` matching `pred`.
fn positions(program: &Program, name: &str, pred: impl Fn(&Instr) -> bool) -> Vec<(u32, u32)> {
    let f = function(program, name);
    f.code
        .iter()
        .zip(&f.spans)
        .filter(|(i, _)| pred(i))
        .map(|(_, s)| (s.line, s.col))
        .collect()
}

/// Every function ends in `Return`, has one span per instruction, and jumps stay inside.
fn check_shape(program: &Program) {
    for f in &program.functions {
        assert_eq!(f.code.len(), f.spans.len(), "{}", f.name);
        assert_eq!(f.code.last(), Some(&Instr::Return), "{}", f.name);
        assert!(f.locals >= f.params + f.results, "{}", f.name);
        for instr in &f.code {
            match instr {
                Instr::Jump(t) | Instr::JumpIfFalse(t) | Instr::JumpIfTrue(t) => {
                    assert!((*t as usize) < f.code.len(), "{}: {instr:?}", f.name)
                }
                Instr::LoadLocal(i) | Instr::StoreLocal(i) => assert!(*i < f.locals, "{}", f.name),
                Instr::LoadCapture(i) => assert!(*i < f.captures, "{}", f.name),
                _ => {}
            }
        }
    }
}

// ---- errors with positions ----

#[test]
fn syntax_error_points_at_the_offending_token() {
    let error = err("package main\n\nfunc main() {\n\tx := 1 +\n}\n");
    assert_eq!(error.message, "syntax error: unexpected +");
    assert_eq!((error.line, error.col, error.width), (4, 9, 1));
    assert_eq!(error.source_line, "\tx := 1 +");
    let rendered = error.to_string();
    assert_eq!(
        rendered,
        "error: syntax error: unexpected +\n --> model.go:4:9\n  |\n4 | \tx := 1 +\n  | \t       ^"
    );
}

#[test]
fn goto_is_unsupported() {
    let error = err("package main\n\nfunc main() {\nL:\n\tgoto L\n}\n");
    assert_eq!(error.message, "unsupported Go construct: goto statement");
    assert_eq!((error.line, error.col, error.width), (5, 2, 6));
    assert!(
        error.to_string().contains("5 | \tgoto L\n  | \t^^^^^^"),
        "{error}"
    );
}

#[test]
fn type_switch_is_unsupported() {
    let source = "package main

func main() {
	var x any = 1
	switch v := x.(type) {
	case int:
		_ = v
	}
}
";
    let error = err(source);
    assert_eq!(error.message, "unsupported Go construct: type switch");
    assert_eq!((error.line, error.col), (5, 2));
    assert_eq!(error.source_line, "\tswitch v := x.(type) {");
}

#[test]
fn unknown_import_is_an_error() {
    let error = err("package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() { fmt.Println(http.StatusOK) }\n");
    assert_eq!(
        error.message,
        "unsupported Go construct: import of package \"net/http\""
    );
    assert_eq!((error.line, error.col, error.width), (5, 2, 10));
}

#[test]
fn other_unsupported_constructs() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "package main\nfunc f[T any](x T) {}\nfunc main() {}\n",
            "unsupported Go construct: generic function",
            2,
            7,
        ),
        (
            "package main\ntype I interface{ M() }\nfunc main() {\n\tvar i I\n\ti.M()\n}\n",
            "unsupported Go construct: method call on interface value",
            5,
            2,
        ),
        (
            "package main\nfunc main() {\n\tvar x any = 1\n\t_ = x.(int)\n}\n",
            "unsupported Go construct: type assertion",
            4,
            6,
        ),
        (
            "package main\nfunc main() {\n\tx := 1.5\n\t_ = x\n}\n",
            "unsupported Go construct: floating-point number",
            3,
            7,
        ),
        (
            "package main\nimport \"sync\"\nfunc main() {\n\tvar pool sync.Pool\n\t_ = pool\n}\n",
            "unsupported Go construct: type sync.Pool",
            4,
            11,
        ),
        (
            "package main\ntype myErr struct{}\nfunc (myErr) Error() string { return \"x\" }\nfunc main() {}\n",
            "unsupported Go construct: user-defined error type (a method named Error); use errors.New or fmt.Errorf",
            3,
            14,
        ),
        (
            "package main\nimport \"sync\"\nfunc main() {\n\tvar rw sync.RWMutex\n\t_ = rw.RLocker()\n}\n",
            "rw.RLocker undefined (type sync.RWMutex has no field or method RLocker)",
            5,
            6,
        ),
    ];
    for (source, message, line, col) in cases {
        let error = err(source);
        assert_eq!(&error.message, message, "{source}");
        assert_eq!((error.line, error.col), (*line, *col), "{source}\n{error}");
    }
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "",
        "package",
        "package main\nfunc",
        "package main\nfunc main() {",
        "package main\nfunc main() { go }",
        "package main\nfunc main() { select { case <-: } }",
        "package main\nvar x = y\nvar y = x\nfunc main() {}",
        "package main\ntype T struct { t T }\nfunc main() { var t T; _ = t }",
        "package main\nconst a = b\nconst b = a\nfunc main() {}",
        "package main\nfunc main() { x := nil; _ = x }",
        "package main\nfunc main() { var c chan int; c <- }",
        "\u{0}\u{1}\u{2}",
        "package main\nfunc main() { println(\"\\xff\") }",
        "package main\nfunc main() { x := 99999999999999999999; _ = x }",
        "package main\nfunc main() { return 1 }",
        "package main\nfunc main() { break }",
        "package main\nfunc f() (int, int) { return 1, 2 }\nfunc main() { x := f(); _ = x }",
        "}}}}{{{{ package main",
    ];
    for input in inputs {
        match compile_with(input, &CompileOptions::default()) {
            Ok(_) => panic!("{input:?} compiled"),
            Err(error) => assert!(
                !error.message.contains("internal error"),
                "{input:?}: {error}"
            ),
        }
    }
    let deep = format!(
        "package main\nfunc main() {{ x := {}1{}; _ = x }}",
        "(".repeat(3000),
        ")".repeat(3000)
    );
    assert!(compile_with(&deep, &CompileOptions::default()).is_err());
    // Every prefix of a valid model either compiles or is a ModelError.
    for end in 0..DIST.len() {
        if DIST.is_char_boundary(end) {
            if let Err(error) = compile_with(&DIST[..end], &CompileOptions::default()) {
                assert!(!error.message.contains("internal error"), "{error}");
            }
        }
    }
}

// ---- options ----

const OVERRIDES: &str = "package main

const maxbg = 2

var verbose = false
var name = \"x\"
var computed = maxbg * 2

func main() {
	for i := 0; i < maxbg; i++ {
		println(i, verbose, name)
	}
}
";

#[test]
fn overrides_replace_constants_and_literal_variables() {
    let options = CompileOptions {
        entry: None,
        overrides: vec![
            ("maxbg".into(), "4".into()),
            ("verbose".into(), "true".into()),
            ("name".into(), "\"y\"".into()),
        ],
    };
    let program = compile_with(OVERRIDES, &options).unwrap();
    // The constant is folded into the loop condition and into `computed`.
    assert!(function(&program, "main.main")
        .code
        .contains(&Instr::PushInt(4)));
    let start = program.function(program.start);
    assert!(start.code.contains(&Instr::PushInt(8)));
    assert!(start.code.contains(&Instr::PushBool(true)));
    assert!(program.strings.iter().any(|s| s == "y"));
    let plain = ok(OVERRIDES);
    assert!(function(&plain, "main.main")
        .code
        .contains(&Instr::PushInt(2)));

    for (name, value, message) in [
        (
            "nosuch",
            "1",
            "--set nosuch: no package-level constant or variable named nosuch",
        ),
        (
            "computed",
            "1",
            "--set computed: the initializer of computed is not a literal",
        ),
        ("maxbg", "x", "--set maxbg=x: not an integer literal"),
    ] {
        let options = CompileOptions {
            entry: None,
            overrides: vec![(name.into(), value.into())],
        };
        let error = err_with(OVERRIDES, &options);
        assert_eq!(error.message, message);
        assert_eq!(error.line, 0);
    }
}

#[test]
fn entry_must_be_a_function_without_parameters_or_results() {
    let source = "package main\n\nfunc run(n int) {}\n\nfunc TestRun() {}\n\nfunc main() {}\n";
    let options = |entry: &str| CompileOptions {
        entry: Some(entry.into()),
        overrides: vec![],
    };
    let error = err_with(source, &options("run"));
    assert_eq!(
        error.message,
        "entry function run must have no parameters and no results"
    );
    assert_eq!((error.line, error.col), (3, 6));
    let error = err_with(source, &options("missing"));
    assert_eq!(error.line, 0);
    let program = compile_with(source, &options("TestRun")).unwrap();
    assert_eq!(program.function(program.entry).name, "main.TestRun");
}

// ---- the cmd/dist background workers ----

const DIST: &str = "// A model of cmd/dist's background workers.
package main

import (
	\"fmt\"
	\"os\"
	\"sync\"
	\"sync/atomic\"
)

const maxbg = 2

var (
	bgwork = make(chan func(), 4)
	dying  = make(chan struct{})
	nfatal int32
)

func bghelper() {
	for {
		w := <-bgwork
		w()
	}
}

func bgrun(wg *sync.WaitGroup, f func()) {
	bgwork <- func() {
		defer wg.Done()
		f()
	}
}

func bgwait(wg *sync.WaitGroup) {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-dying:
		atomic.AddInt32(&nfatal, 1)
	}
}

func fatalf(msg string) {
	if atomic.AddInt32(&nfatal, 1) > 1 {
		select {}
	}
	close(dying)
	fmt.Println(msg)
	os.Exit(2)
}

func main() {
	for i := 0; i < maxbg; i++ {
		go bghelper()
	}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		bgrun(&wg, func() {
			if i == 1 {
				fatalf(\"build failed\")
			}
		})
	}
	bgwait(&wg)
}
";

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

// ---- sync, select, defer, go ----

#[test]
fn embedded_mutex_and_sync_fields() {
    let source = "package main

import \"sync\"

type cache struct {
	sync.Mutex
	wg sync.WaitGroup
	n  int
}

var testprog struct {
	mu sync.Mutex
}

func (c *cache) bump() {
	c.Lock()
	defer c.Unlock()
	c.n++
}

func main() {
	c := &cache{}
	c.bump()
	c.wg.Add(1)
	c.wg.Done()
	c.wg.Wait()
	testprog.mu.Lock()
	testprog.mu.Unlock()
}
";
    let program = ok(source);
    check_shape(&program);
    let label = |name: &str| {
        gomc::program::LabelId(program.labels.iter().position(|l| l == name).unwrap() as u32)
    };
    let bump = function(&program, "main.(*cache).bump");
    assert_eq!(
        &bump.code[..4],
        &[
            Instr::LoadLocal(0),
            Instr::Load,
            Instr::Field(0),
            Instr::Lock(label("c"))
        ]
    );
    let wrapper = function(&program, "main.(*cache).bump.deferwrap1");
    assert_eq!(wrapper.code[1], Instr::Unlock(label("c")));
    let main = function(&program, "main.main");
    assert!(main.code.windows(3).any(|w| w
        == [
            Instr::Field(1),
            Instr::PushInt(-1),
            Instr::WaitGroupAdd(label("c.wg"))
        ]));
    assert!(main.code.windows(3).any(|w| w
        == [
            Instr::LoadGlobal(gomc::program::GlobalId(0)),
            Instr::Field(0),
            Instr::Lock(label("testprog.mu"))
        ]));
    assert!(main.code.contains(&Instr::WaitGroupWait(label("c.wg"))));
}

#[test]
fn select_lowering_pushes_operands_in_case_order() {
    let source = "package main

func main() {
	a := make(chan int)
	b := make(chan int, 1)
	var v int
	var ok bool
	for {
		select {
		case x := <-a:
			_ = x
		case b <- 7:
			break
		case v, ok = <-a:
			_, _ = v, ok
		default:
		}
		break
	}
}
";
    let program = ok(source);
    check_shape(&program);
    let main = function(&program, "main.main");
    let select = main
        .code
        .iter()
        .position(|i| matches!(i, Instr::Select(_)))
        .unwrap();
    assert_eq!(
        &main.code[select - 4..select],
        &[
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::PushInt(7),
            Instr::LoadLocal(0)
        ]
    );
    assert_eq!(main.spans[select].line, 9);
    assert_eq!(main.spans[select].col, 3);
    let table = &program.selects[0];
    assert!(table.has_default);
    let kinds: Vec<_> = table.cases.iter().map(|c| c.kind).collect();
    use gomc::program::SelectCaseKind::{Recv, Send};
    assert_eq!(kinds, [Recv, Send, Recv]);
    // value, ok, index are stored in hidden locals; the default case is index 3.
    assert!(matches!(main.code[select + 1], Instr::StoreLocal(_)));
    assert!(matches!(main.code[select + 2], Instr::StoreLocal(_)));
    assert!(matches!(main.code[select + 3], Instr::StoreLocal(_)));
    assert!(main.code.contains(&Instr::PushInt(3)));
    let listing = program.disassemble();
    assert!(
        listing.contains("Select [recv a, send b, recv a] default"),
        "{listing}"
    );
}

#[test]
fn deferred_and_go_started_builtins_get_wrappers() {
    let source = "package main

import (
	\"fmt\"
	\"sync\"
	\"time\"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	mu.Lock()
	defer mu.Unlock()
	defer fmt.Println(\"bye\", 1)
	go close(ch)
	time.Sleep(time.Millisecond)
	<-time.After(2 * time.Second)
}
";
    let program = ok(source);
    check_shape(&program);
    let main = function(&program, "main.main");
    let unlock = function(&program, "main.main.deferwrap1");
    assert!(unlock.synthetic);
    assert_eq!(unlock.params, 1);
    let print = function(&program, "main.main.deferwrap2");
    assert_eq!(print.params, 2);
    assert_eq!(
        print.code[2],
        Instr::Print {
            args: 2,
            newline: true
        }
    );
    let close = function(&program, "main.main.gowrap1");
    assert_eq!(close.params, 1);
    assert!(matches!(close.code[1], Instr::Close(_)));
    let defers: Vec<_> = main
        .code
        .iter()
        .filter(|i| matches!(i, Instr::Defer { .. }))
        .collect();
    assert_eq!(
        defers,
        [&Instr::Defer { args: 1 }, &Instr::Defer { args: 2 }]
    );
    assert!(main
        .code
        .windows(3)
        .any(|w| w == [Instr::PushInt(1_000_000), Instr::Pop, Instr::Yield]));
    assert!(main
        .code
        .windows(3)
        .any(|w| w == [Instr::PushInt(2_000_000_000), Instr::Pop, Instr::TimerChan]));
    let go = main
        .code
        .iter()
        .position(|i| matches!(i, Instr::Go { args: 1 }))
        .unwrap();
    assert_eq!((main.spans[go].line, main.spans[go].col), (15, 2));
}

#[test]
fn nondeterminism_helper() {
    let source = "package main

import \"example.com/models/gomc\"

func main() {
	n := gomc.Choose(3)
	if gomc.Bool() {
		n++
	}
	_ = n
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    assert_eq!(&main.code[..2], &[Instr::PushInt(3), Instr::Choose]);
    assert!(main.code.windows(4).any(|w| w
        == [
            Instr::PushInt(2),
            Instr::Choose,
            Instr::PushInt(1),
            Instr::Binary(gomc::program::BinOp::Eq)
        ]));
}

// ---- assignment and initialization order ----

#[test]
fn parallel_assignment_evaluates_every_right_side_first() {
    let program =
        ok("package main\n\nfunc main() {\n\ta, b := 1, 2\n\ta, b = b, a\n\t_, _ = a, b\n}\n");
    let main = function(&program, "main.main");
    // b, a are loaded before either is stored.
    let swap: Vec<&Instr> = main.code.iter().skip(4).take(4).collect();
    assert_eq!(
        swap,
        [
            &Instr::LoadLocal(1),
            &Instr::LoadLocal(0),
            &Instr::StoreLocal(3),
            &Instr::StoreLocal(2)
        ]
    );
}

#[test]
fn package_variables_are_initialized_in_dependency_order() {
    let source = "package main

var a = b + 1
var b = f()
var c int

func f() int { return c + 2 }

func main() {}
";
    let program = ok(source);
    let start = program.function(program.start);
    let stores: Vec<&str> = start
        .code
        .iter()
        .filter_map(|i| match i {
            Instr::StoreGlobal(g) => Some(program.globals[g.0 as usize].name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(stores, ["c", "b", "a"]);
}

// ---- breadth of the subset ----

/// A model using most of the subset; under the checker its `check`s all hold (the semantics
/// tests run it).
const FEATURES: &str = r#"package main

import (
	"errors"
	"fmt"
	"sync"
)

type point struct {
	x, y int
}

type box struct {
	p    point
	q    *point
	name string
	mu   sync.Mutex
}

type counter int

func (c counter) double() counter { return c * 2 }

type acc struct{ n int }

func (a *acc) add(k int)   { a.n += k }
func (a acc) get() int     { return a.n }
func (a *acc) ptrget() int { return a.n }

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

var g1 = g2 + 1
var g2 = three()

func three() int { return 3 }

func check(cond bool, msg string) {
	if !cond {
		panic(msg)
	}
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func swap(a, b string) (string, string) { return b, a }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	check(A == 0 && B == 1 && C == 2 && E == 4, "iota")
	check(KB == 1024 && MB == 1048576, "iota shifts")
	check(g1 == 4 && g2 == 3, "init order")
	x := 0x10 + 0o10 + 0b1 + 1_000 + 'a'
	check(x == 16+8+1+1000+97, "literals")
	s := "a\tb" + `\n`
	check(len(s) == 5, "strings")
	q, r := divmod(17, 5)
	check(q == 3 && r == 2, "divmod")
	a, b := swap("1", "2")
	check(a == "2" && b == "1", "swap")
	a, b = b, a
	check(a == "1" && b == "2", "parallel assign")
	check(sum() == 0 && sum(1, 2, 3) == 6, "variadic")
	xs := []int{1, 2, 3}
	check(sum(xs...) == 6, "spread")
	xs = append(xs, 4, 5)
	xs = append(xs, xs...)
	check(len(xs) == 10 && xs[9] == 5, "append")
	ys := xs[1:3]
	check(len(ys) == 2 && ys[0] == 2, "slicing")
	ys[0] = 20
	check(xs[1] == 20, "shared backing")
	zs := make([]int, 3, 10)
	check(len(zs) == 3 && cap(zs) == 10, "make slice")
	p := point{1, 2}
	p.x = 10
	pp := &p
	pp.y = 20
	check(p.x == 10 && p.y == 20, "struct fields via pointer")
	bx := box{p: point{y: 5}, name: "b"}
	bx.p.x = 7
	bx.q = &point{3, 4}
	bx.q.x++
	check(bx.p.x == 7 && bx.p.y == 5 && bx.q.x == 4, "nested fields")
	bx.mu.Lock()
	check(!bx.mu.TryLock(), "trylock")
	bx.mu.Unlock()
	np := new(point)
	np.x = 3
	check((*np).x == 3, "new")
	var c counter = 4
	check(c.double() == 8, "method on named int")
	var ac acc
	ac.add(5)
	ac.add(1)
	check(ac.get() == 6 && ac.ptrget() == 6, "pointer methods on addressable value")
	ap := &acc{}
	ap.add(2)
	check(ap.get() == 2, "value method via pointer")
	m := make(map[string]int)
	m["a"] = 1
	m["b"] += 2
	m["b"]++
	v, ok := m["b"]
	check(v == 3 && ok, "map comma ok")
	_, ok = m["zz"]
	check(!ok, "map missing")
	delete(m, "a")
	check(len(m) == 1, "delete")
	keys := ""
	m2 := map[string]int{"z": 1, "a": 2, "m": 3}
	for k, v := range m2 {
		keys += k
		_ = v
	}
	check(keys == "amz", "map range order")
	total := 0
	for i := range 4 {
		total += i
	}
	check(total == 6, "range int")
	total = 0
	for i, v := range []int{5, 6} {
		total += i * v
	}
	check(total == 6, "range slice")
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			n++
		}
	}
	check(n == 6, "labels")
	res := ""
	switch k := 2; k {
	case 1:
		res = "one"
	case 2, 3:
		res = "two"
		fallthrough
	case 4:
		res += "four"
	default:
		res = "default"
	}
	check(res == "twofour", "switch")
	switch {
	case n > 100:
		res = "big"
	default:
		res = "small"
	}
	check(res == "small", "tagless switch")
	funcs := []func() int{}
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	check(funcs[0]() == 0 && funcs[2]() == 2, "per-iteration loop vars")
	counterv := 0
	inc := func() { counterv++ }
	inc()
	inc()
	check(counterv == 2, "closure by reference")
	nested := func() func() int {
		return func() int { counterv++; return counterv }
	}
	check(nested()() == 3, "nested closures")
	err := errors.New("boom")
	check(err != nil, "errors")
	msg := fmt.Sprintf("%d-%s", 5, "x")
	check(msg == "5-x", "sprintf")
	check(fmt.Sprint("a", 1) == "a1", "sprint")
	var nilch chan int
	check(nilch == nil, "nil chan")
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	close(ch)
	got := 0
	for v := range ch {
		got += v
	}
	check(got == 3, "range chan")
	w, ok2 := <-ch
	check(w == 0 && !ok2, "closed recv")
	sel := make(chan int, 1)
	sel <- 9
	select {
	case v := <-sel:
		check(v == 9, "select recv")
	default:
		panic("select default")
	}
	select {
	case sel <- 1:
	default:
		panic("select send")
	}
	for {
		select {
		case <-sel:
			continue
		default:
		}
		break
	}
	check(len(sel) == 0 && cap(sel) == 1, "chan len cap")
	func() {
		defer func() {
			rec := recover()
			check(rec == "oops", "recover")
		}()
		panic("oops")
	}()
	var wg sync.WaitGroup
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i
		}()
	}
	wg.Wait()
	close(results)
	sumr := 0
	for v := range results {
		sumr += v
	}
	check(sumr == 3, "goroutines")
	fmt.Println("ok", x, s)
}
"#;

/// Embedding, methods on defined types, init, atomics on globals, time, the helper package.
const FEATURES2: &str = r#"package main

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"example.com/x/gomc"
)

type base struct {
	sync.Mutex
	hits int
}

type server struct {
	*base
	name string
	wg   sync.WaitGroup
}

func (b *base) hit() { b.hits++ }

func (s *server) run(n int) {
	defer s.wg.Done()
	s.Lock()
	s.hit()
	s.Unlock()
	_ = n
}

type state int

const (
	idle state = iota
	busy
)

func (s state) String() string {
	if s == idle {
		return "idle"
	}
	return "busy"
}

var (
	initialized bool
	hits        int64
	st          = busy
)

func init() {
	initialized = true
}

func check(cond bool, msg string) {
	if !cond {
		panic(msg)
	}
}

func main() {
	check(initialized, "init")
	check(st.String() == "busy", "named const method")
	s := &server{base: &base{}, name: "s"}
	for i := 0; i < 2; i++ {
		s.wg.Add(1)
		go s.run(i)
	}
	s.wg.Wait()
	check(s.hits == 2, "embedded")
	atomic.AddInt64(&hits, 5)
	check(atomic.LoadInt64(&hits) == 5, "atomic load")
	atomic.StoreInt64(&hits, 1)
	check(atomic.CompareAndSwapInt64(&hits, 1, 2), "cas")
	check(hits == 2, "boxed global")
	time.Sleep(10 * time.Millisecond)
	runtime.Gosched()
	timeout := time.After(time.Second)
	select {
	case <-timeout:
	default:
	}
	n := gomc.Choose(3)
	check(n >= 0 && n < 3, "choose")
	if gomc.Bool() {
		n = 10
	}
	var mu sync.Mutex
	mp := &mu
	mp.Lock()
	defer mu.Unlock()
	ch := make(chan int)
	go close(ch)
	<-ch
	x := int32(7)
	y := int64(x) + 1
	check(y == 8, "conversions")
}
"#;

#[test]
fn the_subset_compiles() {
    for source in [FEATURES, FEATURES2, DIST] {
        let program = ok(source);
        check_shape(&program);
    }
}

#[test]
fn mutated_models_never_panic() {
    // A fixed linear congruential generator: the same mutations on every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % bound.max(1)
    };
    for round in 0..300 {
        let base = [FEATURES, FEATURES2, DIST][round % 3];
        let bytes = base.as_bytes();
        let start = next(bytes.len());
        let length = next(40);
        let end = (start + length).min(bytes.len());
        let mut mutated = bytes[..start].to_vec();
        match next(3) {
            0 => {}
            1 => mutated.extend_from_slice(&bytes[end..(end + length).min(bytes.len())]),
            _ => mutated.extend_from_slice(b"}"),
        }
        mutated.extend_from_slice(&bytes[end..]);
        let text = String::from_utf8_lossy(&mutated).into_owned();
        if let Err(error) = compile_with(&text, &CompileOptions::default()) {
            assert!(!error.message.contains("internal error"), "{error}");
            assert!(error.line == 0 || error.width >= 1);
        }
    }
}

#[test]
fn waitgroup_go_min_max_and_sync_literals() {
    let source = "package main

import \"sync\"

func main() {
	wg := &sync.WaitGroup{}
	mu := sync.Mutex{}
	n := 0
	wg.Go(func() {
		mu.Lock()
		n = max(n, 2)
		mu.Unlock()
	})
	wg.Wait()
	_ = min(n, 1, 3)
}
";
    let program = ok(source);
    check_shape(&program);
    let body = function(&program, "sync.(*WaitGroup).Go.func1");
    assert!(body.synthetic);
    assert_eq!(body.params, 2);
    assert!(body.code.contains(&Instr::Defer { args: 1 }));
    assert!(body.code.contains(&Instr::CallValue { args: 0 }));
    let main = function(&program, "main.main");
    assert!(main.code.contains(&Instr::Go { args: 2 }));
}

#[test]
fn address_of_a_field_is_an_interior_pointer() {
    let source = "package main

import \"sync/atomic\"

type stats struct{ n int32 }

func main() {
	var s stats
	atomic.AddInt32(&s.n, 1)
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    // `s` lives in a cell (its field's address is taken); `&s.n` is the cell's pointer, then
    // the field's.
    let at = main
        .code
        .iter()
        .position(|i| *i == Instr::FieldAddr(0))
        .expect("FieldAddr");
    assert_eq!(main.code[at - 1], Instr::LoadLocal(0));
    assert!(main.code[..at].contains(&Instr::NewCell));
    assert!(matches!(
        main.code[at + 2],
        Instr::AtomicAdd {
            bits: 32,
            unsigned: false,
            ..
        }
    ));
}

#[test]
fn constants_fold_at_compile_time() {
    let source = "package main

import \"time\"

const (
	a = iota * 10
	b
	c = \"s\" + \"t\"
	d = len(c) + 'a'
)

func main() {
	x := -9223372036854775808
	y := b + d
	z := 3 * time.Millisecond
	_, _, _ = x, y, z
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    assert_eq!(main.code[0], Instr::PushInt(i64::MIN));
    assert!(main.code.contains(&Instr::PushInt(10 + 2 + 97)));
    assert!(main.code.contains(&Instr::PushInt(3_000_000)));
    let error = err("package main\nconst big = 1 << 62 * 4\nfunc main() {}\n");
    assert_eq!(error.message, "constant overflows int64");
    assert_eq!((error.line, error.col), (2, 13));
}

// ---- issue #3: defer recover, arrays, sync and atomic types, errors ----

#[test]
fn defer_recover_is_a_wrapper_that_recovers_for_its_caller() {
    let program = ok("package main\nfunc main() {\n\tdefer recover()\n\tpanic(1)\n}\n");
    check_shape(&program);
    let wrapper = function(&program, "main.main.deferwrap1");
    assert!(wrapper.synthetic);
    assert_eq!(
        wrapper.code,
        [Instr::DeferredRecover, Instr::Pop, Instr::Return]
    );
}

#[test]
fn arrays_lower_to_array_values_and_element_stores() {
    let source = "package main

func main() {
	a := [...]int{1, 2: 3}
	i := 1
	a[i] = 5
	_ = a
}
";
    let program = ok(source);
    check_shape(&program);
    let main = function(&program, "main.main");
    assert!(
        main.code.contains(&Instr::MakeArray(3)),
        "{}",
        program.disassemble()
    );
    assert_eq!(
        positions(&program, "main.main", |i| *i == Instr::SetElement),
        [(6, 2)]
    );
    // No cell: a whole-array assignment needs none.
    assert!(!main.code.contains(&Instr::NewCell));
}

#[test]
fn sync_and_atomic_methods_lower_to_their_instructions() {
    let source = "package main

import (
	\"sync\"
	\"sync/atomic\"
)

type server struct {
	mu    sync.RWMutex
	once  sync.Once
	cond  *sync.Cond
	conns sync.Map
	hits  atomic.Int64
}

func main() {
	var s server
	s.cond = sync.NewCond(&s.mu)
	s.mu.RLock()
	s.mu.RUnlock()
	s.once.Do(func() {})
	s.cond.Broadcast()
	s.conns.Store(1, 2)
	s.hits.Add(1)
}
";
    let program = ok(source);
    check_shape(&program);
    let main = function(&program, "main.main");
    let has = |pred: &dyn Fn(&Instr) -> bool| main.code.iter().any(pred);
    assert!(has(&|i| matches!(i, Instr::RLock(_))));
    assert!(has(&|i| matches!(i, Instr::RUnlock(_))));
    assert!(has(&|i| matches!(i, Instr::CondBroadcast(_))));
    assert!(has(&|i| matches!(
        i,
        Instr::SyncMap {
            op: gomc::program::SyncMapOp::Store,
            ..
        }
    )));
    assert!(has(&|i| matches!(
        i,
        Instr::AtomicAdd {
            bits: 64,
            unsigned: false,
            ..
        }
    )));
    assert!(has(&|i| *i == Instr::MakeCond));
    // `s.hits.Add` works on the field's address.
    let add = main
        .code
        .iter()
        .position(|i| matches!(i, Instr::AtomicAdd { .. }))
        .unwrap();
    assert_eq!(main.code[add - 2], Instr::FieldAddr(4));
    // Once.Do calls a synthetic function that defers the end of the call.
    let once = function(&program, "sync.(*Once).Do");
    assert!(once.synthetic);
    assert!(once.code.iter().any(|i| matches!(i, Instr::OnceEnter(_))));
    assert!(once.code.contains(&Instr::Defer { args: 1 }));
}

#[test]
fn errors_lower_to_error_values() {
    let source = "package main

import (
	\"errors\"
	\"fmt\"
)

func main() {
	base := errors.New(\"base\")
	err := fmt.Errorf(\"wrapped: %w\", base)
	_ = errors.Is(err, base)
	_ = err.Error()
}
";
    let program = ok(source);
    let main = function(&program, "main.main");
    for wanted in [
        Instr::NewError,
        Instr::Errorf { args: 1 },
        Instr::ErrorIs,
        Instr::ErrorText,
    ] {
        assert!(main.code.contains(&wanted), "{wanted:?}");
    }
}

#[test]
fn remaining_sync_and_error_limits_are_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "package main\nimport \"sync/atomic\"\nfunc main() {\n\tvar v atomic.Value\n\t_ = v\n}\n",
            "unsupported Go construct: type atomic.Value",
        ),
        (
            "package main\nimport \"errors\"\nfunc main() {\n\tvar target error\n\t_ = errors.As(nil, &target)\n}\n",
            "unsupported Go construct: errors.As",
        ),
        (
            "package main\nimport \"sync\"\nfunc main() {\n\tc := sync.NewCond(&sync.Mutex{})\n\tc.L = &sync.Mutex{}\n}\n",
            "unsupported Go construct: assignment to sync.Cond's L",
        ),
        (
            "package main\nfunc main() {\n\tvar a [2]int\n\t_ = a[:]\n}\n",
            "unsupported Go construct: slicing an array",
        ),
    ];
    for (source, message) in cases {
        assert_eq!(&err(source).message, message, "{source}");
    }
}
