//! Go's type system as the machine sees it: integer kinds with wrap-around, interfaces with
//! dynamic types and dispatch, type assertions and switches, error types, method values and
//! local types. Every expected output below is what `go run` (Go 1.19) printed for the same
//! program.

mod common;

use common::gobuild::{go_available, go_build_error, go_style, recorded_error};
use common::{check, compile_error, panic_message, printed, step_error};
use gomc::explore::OutcomeKind;
use gomc::{check_source, Config};

#[test]
fn sized_integers_wrap_around_on_arithmetic_and_conversion() {
    let report = check(include_str!("models/types/wrap.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["0 -128 65535 4294967295 144 255 -128", "44 44"]
    );
}

/// A `uint` below zero wraps to 2^64 - 1 and prints as Go prints it (before: the search
/// stopped, as the machine's signed words could not hold it).
#[test]
fn an_unsigned_64_bit_value_past_2_63_wraps_and_prints_as_go() {
    let source = "package main\n\nfunc main() {\n\tvar n uint = 0\n\tn--\n\tprintln(n)\n}\n";
    // go run printed this for the same program.
    assert_eq!(common::output_of(source), "18446744073709551615\n");
}

/// An untyped rune constant's default type is rune (`sep := ','` is an int32; it was an
/// int); a pointer to an array ranges over the array (the
/// length without dereferencing, the elements through the pointer, a nil one panics when an
/// element is read, none with a blank value: test/fixedbugs/bug454.go); `-(1 << bits)` takes
/// the other operand's type; `for i, x[i] = range` indexes x with the old i (test/range.go). Expected:
/// `models/types/runes_and_array_pointers.out`, from `go run`.
#[test]
fn runes_and_pointers_to_arrays_range_as_in_go() {
    common::assert_prints_as_go_run("runes_and_array_pointers");
}

/// Exact constants past int64 (`1 << 100`, `math.MaxUint64`) and uint64 arithmetic at and
/// above 2^63 (division, remainder, comparison, shifts, conversions, fmt and println): the
/// same text as `go run` (`models/types/bigconst.out`).
#[test]
fn big_constants_and_uint64_arithmetic_print_as_go_run() {
    common::assert_prints_as_go_run("bigconst");
}

#[test]
fn an_overflowing_constant_conversion_is_rejected_as_go_build_does() {
    let error = compile_error("package main\n\nfunc main() {\n\ty := uint8(300)\n\t_ = y\n}\n");
    assert_eq!(
        go_style(&error),
        "known.go:4:13: cannot convert 300 (untyped int constant) to type uint8"
    );
}

#[test]
fn interfaces_dispatch_assert_and_switch_on_the_dynamic_type() {
    // Dispatch through value, pointer and promoted methods from three goroutines; a user error
    // type behind `error`, compared and asserted; a type switch with `nil`, a two-type case and
    // an interface case; `fmt` calling `String()`; `any` compared with constants; a failed
    // assertion recovered.
    let report = check(include_str!("models/types/interfaces.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "total 25",
            "0 <nil> false false false",
            "1 read: timeout true false false",
            "2 closed false true true",
            "nil int 42 string or bool s shape rect error closed string or bool true",
            "busy idle",
            "true false true",
            "recovered: interface conversion: interface {} is string, not int",
            "runtime error: interface conversion: interface {} is string, not int",
        ]
    );
}

#[test]
fn interface_runtime_panics_say_what_go_says() {
    let cases = [
        (
            "var a, b any = []int{1}, []int{1}\n\tprintln(a == b)",
            "panic: runtime error: comparing uncomparable type []int",
        ),
        (
            "var x any = 5\n\t_ = x.(Shape)",
            "panic: interface conversion: int is not main.Shape: missing method Area",
        ),
        (
            "var x any\n\t_ = x.(int)",
            "panic: interface conversion: interface {} is nil, not int",
        ),
        (
            "var s Shape\n\t_ = s.(*T)",
            "panic: interface conversion: main.Shape is nil, not *main.T",
        ),
        (
            "var s Shape\n\ts.Area()",
            "panic: runtime error: invalid memory address or nil pointer dereference",
        ),
        (
            // A local type of the same name as the package's (Go's test/fixedbugs/
            // issue26094.go): runtime/error.go tells the two apart.
            "var x any = T{}\n\ttype T struct{}\n\t_ = x.(T)",
            "panic: interface conversion: interface {} is main.T, not main.T (types from \
             different scopes)",
        ),
        (
            // Fields compared in order (test/fixedbugs/issue8606.go): the slice inside the
            // interface of the first field panics, the int that differs first does not (or
            // the map would be named).
            "type P struct{ a, b any }\n\tvar x, y any = P{1, map[int]int{}}, P{2, \
             map[int]int{}}\n\t\
             println(x == y)\n\tx, y = P{[]int{}, 1}, P{[]int{}, 2}\n\tprintln(x == y)",
            "panic: runtime error: comparing uncomparable type []int",
        ),
    ];
    for (body, expected) in cases {
        let source = format!(
            "package main\n\ntype Shape interface{{ Area() int }}\n\ntype T struct{{}}\n\n\
             func (t *T) Area() int {{ return 1 }}\n\nfunc main() {{\n\t{body}\n}}\n"
        );
        let report = check(&source);
        assert_eq!(panic_message(&report), expected, "{body}");
    }
}

#[test]
fn an_interface_method_runs_in_a_goroutine_and_blocks_like_any_other() {
    // A worker behind an interface forgets to close its channel: the range in main never ends.
    let report = check(
        "package main\n\ntype Source interface{ Produce(out chan<- int) }\n\ntype counter \
         struct{ n int }\n\nfunc (c counter) Produce(out chan<- int) {\n\tfor i := 0; i < c.n; \
         i++ {\n\t\tout <- i\n\t}\n}\n\nfunc main() {\n\tvar s Source = counter{2}\n\t\
         ch := make(chan int)\n\tgo s.Produce(ch)\n\tfor v := range ch {\n\t\tprintln(v)\n\t}\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Deadlock]);
}

/// Every file under `models/type_errors/` is a program `go build` rejects; gomc must reject it
/// with the same message at the same line and column. The expected text is `go build`'s own
/// output when Go is installed (`.ci/run` installs Debian's `golang-go`); otherwise the file's
/// `// go build:` comment, which records what Go 1.19 printed.
#[test]
fn ill_typed_programs_get_go_builds_error() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/models/type_errors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("type_errors directory")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "{files:?}");
    let go = go_available("go");
    let mut checked_with_go = 0;
    for path in &files {
        let source = std::fs::read_to_string(path).expect("read");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected = match &go {
            Some(go) => {
                checked_with_go += 1;
                go_build_error(go, path, &name)
            }
            None => recorded_error(&source, &name, "// go build: "),
        };
        let error = match check_source(&name, &source, &Config::new()) {
            Ok(_) => panic!("{name}: accepted, but go build says:\n{expected}"),
            Err(error) => error,
        };
        assert_eq!(go_style(&error), expected, "{name}");
    }
    if go.is_some() {
        assert_eq!(checked_with_go, files.len());
    }
}

/// The acceptance program: interfaces with dynamic dispatch, a type switch, a
/// user-defined error type, a method value (`done := wg.Done`), a local type and a `uint8`
/// ring index that wraps around. `go run` deadlocks on the first (main waits for workers
/// blocked sending to it) and prints the lines below on the fixed one, in some order.
#[test]
fn the_acceptance_program_gets_gos_verdicts() {
    let broken = check(include_str!("models/types/ring_deadlock.go"));
    assert_eq!(broken.kinds(), [OutcomeKind::Deadlock]);
    let fixed = check(include_str!("models/types/ring_fixed.go"));
    assert_eq!(fixed.kinds(), [OutcomeKind::Ok]);
    let mut lines = printed(&fixed, OutcomeKind::Ok);
    lines.sort();
    assert_eq!(
        lines,
        ["0 ok", "254 ok", "255 error 1 fetch 1 failed", "head 1"]
    );
}

#[test]
fn method_values_and_expressions_bind_their_receivers() {
    // `inc := c.Add` binds a pointer receiver (the counter changes); `get := c.Get` copies a
    // value receiver when evaluated (it keeps the old value); `lock := mu.Lock` binds the
    // mutex; `(*counter).Add` and `counter.Get` are functions taking the receiver first; an
    // interface method value dispatches on the value bound.
    let source = "package main

import (
	\"fmt\"
	\"sync\"
)

type counter struct{ n int }

func (c *counter) Add(d int) { c.n += d }
func (c counter) Get() int   { return c.n }

type getter interface{ Get() int }

func main() {
	var mu sync.Mutex
	c := &counter{}
	inc := c.Add
	get := c.Get
	lock, unlock := mu.Lock, mu.Unlock
	lock()
	inc(2)
	unlock()
	add := (*counter).Add
	add(c, 3)
	var g getter = *c
	viaIface := g.Get
	c.Add(10)
	fmt.Println(c.n, get(), counter.Get(*c), viaIface())
	mu.Lock()
	fmt.Println(\"locked again\")
}
";
    let report = check(source);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["15 0 15 5", "locked again"]
    );
}

#[test]
fn local_types_are_scoped_to_their_function() {
    let source = "package main

import \"fmt\"

func first() any {
	type pair struct{ a, b int }
	return pair{1, 2}
}

func second() any {
	type pair struct{ a, b int }
	return pair{1, 2}
}

func main() {
	type node struct {
		v    int
		next *node
	}
	list := &node{1, &node{2, nil}}
	sum := 0
	for n := list; n != nil; n = n.next {
		sum += n.v
	}
	type celsius = int
	var t celsius = 3
	fmt.Println(sum, t, first() == second(), first() == first())
}
";
    let report = check(source);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["3 3 false true"]);
}

/// `gomc:go 1.21`: loop variables are one per loop, as before Go 1.22, so goroutines started
/// in the loop can see its final value (Go 1.19's `go run` panics here every time); from Go
/// 1.22, the default, each iteration has its own.
#[test]
fn the_go_release_header_switches_loop_variable_semantics() {
    let source = include_str!("models/types/loopvar_go121.go");
    let old = check(source);
    assert_eq!(old.kinds(), [OutcomeKind::Panic]);
    let current = check(&source.replacen("// gomc:go 1.21\n", "", 1));
    assert_eq!(current.kinds(), [OutcomeKind::Ok]);
}

/// `errors.As` finds a user error type (and an interface it implements) through `fmt.Errorf`'s
/// `%w`, `fmt.Errorf` prints a user error through its `Error` method, and `errors.Is` compares
/// a wrapped pointer by identity. Expected lines from `go run`.
#[test]
fn errors_as_and_is_see_user_error_types_through_wrapping() {
    let report = check(include_str!("models/stdlib/errors_as.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["timeout in read true", "true false"]
    );
}

/// `copy` (slices, a string into bytes, overlapping) and `clear` (maps and slices). Expected
/// lines from `go run` of the same program with `clear` written as loops (Go 1.19 has no
/// `clear`; Go 1.21's spec defines it as those loops do).
#[test]
fn copy_and_clear_work_as_go_defines_them() {
    let report = check(include_str!("models/types/copy_clear.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["2 [1 2] 3 [104 101 121] [1 1 2 3] 0 [0 0]", "[1 2]"]
    );
}

/// `range` over a string yields byte indexes and runes; conversions between strings, byte
/// slices and runes. Expected lines from `go run` (gomc records each `fmt.Print` call as a
/// line of its own, so the two runes printed by the goroutine are two lines).
#[test]
fn strings_range_by_rune_and_convert() {
    let report = check(include_str!("models/types/strings.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "1 é",
            "8 世",
            "11 界",
            "10 Go 2 世",
            "7 id:世x",
            "o",
            "k",
            ""
        ]
    );
}

#[test]
fn bytes_that_are_not_utf8_cannot_become_a_string_and_the_search_says_why() {
    let source = "package main\n\nfunc main() {\n\ts := string([]byte{0xff})\n\tprintln(s)\n}\n";
    let error = step_error(source);
    assert!(error.contains("not UTF-8"), "{error}");
}

/// Methods promoted from embedded interface fields: an error type embedding `error`, and a
/// store that overrides one method and inherits the other from the embedded interface.
/// Expected lines from `go run`.
#[test]
fn embedded_interfaces_promote_their_methods() {
    let report = check(include_str!("models/types/embedded_interfaces.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["1 <nil> not found true 404 not found", "1"]
    );
}

/// An interface embedding one declared after it, or a library one (`io.Closer`,
/// `fmt.Stringer`), has the embedded methods: they were dropped when the embedded type was not
/// resolved yet ("rc.Close undefined"). Expected lines from `go run` (Go 1.23).
#[test]
fn interfaces_embedding_later_and_library_interfaces_have_their_methods() {
    let report = check(include_str!("models/types/interface_embeds_later.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["0 EOF close a", "file b close b", "close b"]
    );
}

/// A type whose underlying type reaches itself is types2's cycle error at its name, in Go
/// 1.23's words for a cycle of one (Go 1.19 listed it as a cycle of two lines), also for a struct
/// that holds itself; longer cycles are `models/type_errors/recursive_interface_embedding.go`
/// and `recursive_struct_pair.go`.
#[test]
fn a_type_that_refers_to_itself_is_go_1_23_s_error() {
    for (source, at, name) in [
        (
            "package main\n\ntype A interface{ A }\n\nfunc main() {}\n",
            "3:6",
            "A",
        ),
        ("package main\n\ntype P P\n\nfunc main() {}\n", "3:6", "P"),
        (
            "package main\n\nvar x int\n\ntype node struct {\n\tid   int\n\tnext [1]node\n}\n\n\
             func main() {}\n",
            "5:6",
            "node",
        ),
    ] {
        let error = compile_error(source);
        assert_eq!(
            format!("{}:{}: {}", error.line, error.col, error.message),
            format!("{at}: invalid recursive type: {name} refers to itself"),
            "{source}"
        );
    }
}

/// Without a `gomc:go` header, a `go.mod` beside the model names the release.
#[test]
fn a_go_mod_beside_the_model_names_the_release() {
    let dir = std::env::temp_dir().join(format!("gomc-go-mod-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let source = include_str!("models/types/loopvar_go121.go").replacen("// gomc:go 1.21\n", "", 1);
    std::fs::write(dir.join("main.go"), source).expect("write model");
    std::fs::write(dir.join("go.mod"), "module example.com/m\n\ngo 1.21\n").expect("write go.mod");
    let old = gomc::check_file(dir.join("main.go"), &Config::new()).expect("compiles");
    std::fs::write(dir.join("go.mod"), "module example.com/m\n\ngo 1.22.4\n")
        .expect("write go.mod");
    let current = gomc::check_file(dir.join("main.go"), &Config::new()).expect("compiles");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(old.kinds(), [OutcomeKind::Panic]);
    assert_eq!(current.kinds(), [OutcomeKind::Ok]);
}

#[test]
fn rune_slices_and_full_slice_expressions_behave_as_in_go() {
    // Expected: `go run` (Go 1.19) of the same file.
    let report = check(include_str!("models/types/runes_full_slices.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "9 é 世界 Hi",
            "[2] 1 2",
            "[1 2 9 4 5]",
            "[1 2 9 4 5] [2 9 10]",
            "runtime error: slice bounds out of range [::6] with capacity 5",
        ]
    );
}

#[test]
fn goto_jumps_as_in_go() {
    // Expected: `go run` (Go 1.19) of the same file.
    let report = check(include_str!("models/types/goto.go"));
    assert_eq!(printed(&report, OutcomeKind::Ok), ["3", "done"]);
}

/// What go build counts as a use of a variable without reading it in an expression (an
/// increment, a compound assignment, a field or element store, its address, a read in a
/// closure) is a use for gomc too: the program loads (it builds with Go 1.19) and runs.
#[test]
fn uses_that_are_not_reads_keep_a_variable_used() {
    let report = check(include_str!("models/types/var_uses.go"));
    assert_eq!(printed(&report, OutcomeKind::Ok), ["0"]);
}

/// `var _ Handler = (*logger)(nil)`, the compile-time check that a type implements an
/// interface, and other conversions to a parenthesized pointer type: `(*T)` reads as a
/// dereference to the grammar, and was refused as "logger (type) is not an expression".
#[test]
fn conversions_to_a_parenthesized_pointer_type_print_as_go_run() {
    common::assert_prints_as_go_run("pointer_conversion");
}

/// An interface type literal is spelled with its methods' signatures, sorted by name: as the
/// runtime writes it in a panic (`interface { Close() error; ... }`) and as `go build` writes
/// it in a message (`interface{Close() error; ...}`, `models/type_errors/
/// interface_literal_type.go`); both printed the methods without their signatures.
#[test]
fn an_interface_literal_is_spelled_with_its_signatures_as_go_does() {
    let source = "package main\n\nfunc main() {\n\tvar q interface{} = 1\n\t_ = q.(interface {\n\
                  \t\tWrite(string) (int, error)\n\t\tClose() error\n\t})\n}\n";
    assert_eq!(
        panic_message(&check(source)),
        "panic: interface conversion: int is not interface { Close() error; Write(string) \
         (int, error) }: missing method Close"
    );
}

/// The empty interface written out as `interface{}` keeps that spelling in go build's
/// messages, and `any` stays `any`, also inside composite types (Go 1.19 and 1.23 agree:
/// types2 prints `any` only for the universe's `any`); the two are still one type.
#[test]
fn an_empty_interface_written_out_keeps_its_spelling_in_messages() {
    let error = compile_error(
        "package main\n\nfunc take(x int) { _ = x }\n\nfunc main() {\n\tvar v interface{} = 1\n\ttake(v)\n}\n",
    );
    assert_eq!(
        go_style(&error),
        "known.go:7:7: cannot use v (variable of type interface{}) as type int in argument to take:\n\
         \tneed type assertion"
    );
    let error = compile_error(
        "package main\n\nfunc take(x int) { _ = x }\n\nfunc main() {\n\tvar m map[string]any\n\ttake(m)\n}\n",
    );
    assert_eq!(
        go_style(&error),
        "known.go:7:7: cannot use m (variable of type map[string]any) as type int in argument to take"
    );
    let error = compile_error(
        "package main\n\nfunc take(x int) { _ = x }\n\nfunc main() {\n\tvar w []interface{}\n\ttake(w)\n}\n",
    );
    assert_eq!(
        go_style(&error),
        "known.go:7:7: cannot use w (variable of type []interface{}) as type int in argument to take"
    );
    // One type: assignable both ways, one dynamic type, one instantiation.
    let report = check(
        "package main\n\nimport \"fmt\"\n\ntype Box[T any] struct{ v T }\n\n\
         func main() {\n\tvar a []any = []interface{}{1}\n\tvar x interface{} = a\n\t\
         b, ok := x.([]interface{})\n\tvar m map[string]interface{} = map[string]any{\"k\": b}\n\t\
         var p Box[any] = Box[interface{}]{v: 2}\n\tfmt.Printf(\"%v %T %v %T\\n\", ok, x, len(m), p)\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["true []interface {} 1 main.Box[interface {}]\n"]
    );
}

/// `var _ T`: a blank package-level variable of a type and no value (a common compile-time
/// assertion spelling) is zero-initialized and loads; it was refused as "missing type or
/// initializer".
#[test]
fn blank_package_variables_with_a_type_load() {
    let report = check(
        "package main\n\nimport \"sync\"\n\nvar _ sync.Mutex\nvar _ int\nvar _, b = 1, 2\n\n\
         func main() {\n\tprintln(b)\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["2"]);
}
