//! Front-end tests: how sync fields, select, defer and go wrappers, evaluation and
//! initialization order, defer/recover, arrays, sync and atomic methods and errors lower to the
//! IR. Positions were worked out by hand (see `frontend_common`); names, closures and the
//! cmd/dist model are `frontend_lowering.rs`'s.

mod frontend_common;

use frontend_common::*;
use gomc::program::Instr;

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
    // time.After is stdlib/time.go's, which makes the timer channel from its duration.
    assert!(main.code.windows(2).any(|w| matches!(
        w,
        [Instr::PushInt(2_000_000_000), Instr::Call { func, args: 1 }]
            if program.function(*func).name == "time.After"
    )));
    let after = function(&program, "time.After");
    assert!(after.code.contains(&Instr::TimerChan));
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
    for wanted in [Instr::NewError, Instr::Errorf { args: 1 }] {
        assert!(main.code.contains(&wanted), "{wanted:?}");
    }
    // errors.Is is stdlib/errors.go's, which asks the machine what its own errors wrap.
    assert!(main.code.iter().any(|i| matches!(
        i,
        Instr::Call { func, args: 2 } if program.function(*func).name == "errors.Is"
    )));
    assert!(function(&program, "errors.is")
        .code
        .contains(&Instr::OwnWrapped));
    // `err.Error()` is a method call on an interface value, dispatched on its dynamic type.
    assert!(main
        .code
        .iter()
        .any(|i| matches!(i, Instr::CallMethod { args: 0, .. })));
}
