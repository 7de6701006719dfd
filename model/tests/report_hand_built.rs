//! Reports of the semantics on hand-built Programs (no front end needed): the machine, the
//! explorer and the report builder on instruction sequences written here.

use gomc::explore::{explore, OutcomeKind, SearchOptions, SearchOrder};
use gomc::program::{
    FuncId, Function, Global, GlobalId, Instr, LabelId, Program, SourceFile, Span, Type, TypeId,
};
use gomc::report::{build_report, render_text, RenderOptions, SearchSettings};
use gomc::semantics::{GoroutineStatus, Machine};

fn span(line: u32) -> Span {
    Span {
        file: 0,
        start: 0,
        end: 0,
        line,
        col: 2,
    }
}

fn function(name: &str, locals: u32, code: Vec<(Instr, u32)>, synthetic: bool) -> Function {
    let (code, lines): (Vec<Instr>, Vec<u32>) = code.into_iter().unzip();
    Function {
        name: name.to_string(),
        params: 0,
        results: 0,
        locals,
        captures: 0,
        spans: lines.into_iter().map(span).collect(),
        code,
        decl: span(3),
        synthetic,
        accesses: Vec::new(),
    }
}

/// `func main() { ch := make(chan int); ch <- 1 }`, lowered by hand.
fn unbuffered_send() -> Program {
    let start = function(
        "runtime.main",
        0,
        vec![
            (
                Instr::Call {
                    func: FuncId(1),
                    args: 0,
                },
                3,
            ),
            (Instr::Return, 3),
        ],
        true,
    );
    let main = function(
        "main.main",
        1,
        vec![
            (Instr::PushInt(0), 4),
            (Instr::MakeChan(TypeId(0)), 4),
            (Instr::StoreLocal(0), 4),
            (Instr::LoadLocal(0), 5),
            (Instr::PushInt(1), 5),
            (Instr::Send(LabelId(0)), 5),
            (Instr::Return, 6),
        ],
        false,
    );
    program(
        SourceFile {
            name: "send.go".into(),
            text: include_str!("models/report/unbuffered_send.go").into(),
        },
        vec![start, main],
        vec![],
    )
}

/// A program of one file whose function 0 starts function 1 (`main.main`), with one channel
/// label `ch` of `int`s and nothing else a front end would add.
fn program(file: SourceFile, functions: Vec<Function>, globals: Vec<Global>) -> Program {
    Program {
        files: vec![file],
        functions,
        globals,
        types: vec![Type::Int],
        structs: vec![],
        labels: vec!["ch".into()],
        strings: vec![],
        selects: vec![],
        dyn_types: vec![],
        interfaces: vec![],
        sync_timer_channels: true,
        clock: Default::default(),
        reads_clock: false,
        start: FuncId(0),
        entry: FuncId(1),
        warnings: Vec::new(),
    }
}

#[test]
fn an_unbuffered_send_without_receiver_is_reported_as_a_deadlock() {
    let program = unbuffered_send();
    let machine = Machine::new(&program);
    let exploration = explore(&machine, SearchOptions::default());
    assert!(
        exploration.step_error.is_none(),
        "{:?}",
        exploration.step_error
    );
    let search = SearchSettings {
        order: Default::default(),
        max_states: None,
        max_depth: None,
        reduction: machine.reduction(),
        store: gomc::explore::StateStore::Exact,
    };
    let report = build_report(
        "send.go",
        &machine,
        &exploration,
        search,
        Some(vec![OutcomeKind::Deadlock]),
    );
    let text = render_text(&report, &RenderOptions { timings: false });
    assert_eq!(report.violations, vec![OutcomeKind::Deadlock], "{text}");
    let witness = &report.outcome(OutcomeKind::Deadlock).unwrap().witness;
    assert_eq!(witness.replay_error, None, "{text}");
    assert_eq!(witness.trace.len(), witness.steps, "{text}");
    assert_eq!(witness.goroutines.len(), 1, "{text}");
    assert_eq!(
        witness.goroutines[0].status,
        GoroutineStatus::Waiting("chan send".into()),
        "{text}"
    );
    assert!(
        text.contains("goroutine 1 [chan send]:\n    main.main()\n    \tsend.go:5\n"),
        "{text}"
    );
    assert_eq!(report.verdict, gomc::report::Verdict::Pass, "{text}");
}

/// `var ch = make(chan int)`; `func f() { ch <- 1 }`; `func main() { go f(); <-ch }`.
fn go_and_receive() -> Program {
    let start = function(
        "runtime.main",
        0,
        vec![
            (Instr::PushInt(0), 3),
            (Instr::MakeChan(TypeId(0)), 3),
            (Instr::StoreGlobal(GlobalId(0)), 3),
            (
                Instr::Call {
                    func: FuncId(1),
                    args: 0,
                },
                3,
            ),
            (Instr::Return, 3),
        ],
        true,
    );
    let main = function(
        "main.main",
        0,
        vec![
            (Instr::FuncValue(FuncId(2)), 8),
            (Instr::Go { args: 0 }, 8),
            (Instr::LoadGlobal(GlobalId(0)), 9),
            (
                Instr::Recv {
                    label: LabelId(0),
                    with_ok: false,
                },
                9,
            ),
            (Instr::Pop, 9),
            (Instr::Return, 10),
        ],
        false,
    );
    let sender = function(
        "main.f",
        0,
        vec![
            (Instr::LoadGlobal(GlobalId(0)), 5),
            (Instr::PushInt(1), 5),
            (Instr::Send(LabelId(0)), 5),
            (Instr::Return, 6),
        ],
        false,
    );
    program(
        SourceFile {
            name: "go.go".into(),
            text: String::new(),
        },
        vec![start, main, sender],
        vec![Global {
            name: "ch".into(),
            decl: span(3),
        }],
    )
}

#[test]
fn a_goroutine_handing_a_value_to_main_ends_ok_in_both_orders_and_renders_deterministically() {
    let program = go_and_receive();
    let machine = Machine::new(&program);
    let mut texts = Vec::new();
    for order in [SearchOrder::Bfs, SearchOrder::Dfs, SearchOrder::Bfs] {
        let exploration = explore(
            &machine,
            SearchOptions {
                order,
                ..SearchOptions::default()
            },
        );
        assert!(
            exploration.step_error.is_none(),
            "{:?}",
            exploration.step_error
        );
        assert!(exploration.exhaustive);
        let search = SearchSettings {
            order,
            max_states: None,
            max_depth: None,
            reduction: machine.reduction(),
            store: gomc::explore::StateStore::Exact,
        };
        let report = build_report("go.go", &machine, &exploration, search, None);
        let text = render_text(&report, &RenderOptions { timings: false });
        assert_eq!(report.kinds(), vec![OutcomeKind::Ok], "{text}");
        let witness = &report.outcome(OutcomeKind::Ok).unwrap().witness;
        assert_eq!(witness.replay_error, None, "{text}");
        assert_eq!(witness.trace.len(), witness.steps, "{text}");
        assert_eq!(report.exit_code(), 0, "{text}");
        texts.push(text);
    }
    assert_eq!(texts[0], texts[2], "two runs print the same bytes");
}
