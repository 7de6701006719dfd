//! Range over functions (Go 1.23's iterators, `frontend/rangefunc.rs`): the loop body runs as
//! the yield function; `break`, `continue`, `return` (also from nested loops and through named
//! results), per-iteration variables captured by goroutines, `iter.Seq`/`Seq2`, `slices.All`,
//! `Values`, `Backward`, `maps.All`; the runtime's panics for an iterator that calls yield
//! when the loop said stop or is over; and the errors for what is not lowered. Go 1.19 (the
//! toolchain CI installs) has no range over functions, so the expected output follows the Go
//! 1.23 specification, worked out by hand in each test's comment.

mod common;

use common::{assert_kinds, assert_space, check, compile_error, output_of, panic_message, printed};
use gomc::explore::OutcomeKind;

/// Sum with `continue` at 2 and `break` at 6: 0+1+3+4+5 = 13. `find` returns from inside the
/// body ("1 true"; "-1 false" after the loop); `firstOver(5)` returns from two nested bodies
/// through a named result (i=3, j=2 is the first product over 5: 32). maps.Keys sums 1+2;
/// `for range` without variables runs twice; a labelled `continue`/`break` of the loop from a
/// switch prints only "i 0".
#[test]
fn break_continue_and_return_leave_the_loop_as_in_go() {
    let output = output_of(include_str!("models/rangefunc/loops.go"));
    assert_eq!(
        output,
        "sum 13\n1 true\n-1 false\n32\ntotal 3\ntick\ntick\n[x y]\ni 0\n"
    );
}

/// `return i, j` from the inner of two bodies with unnamed results (i+j == 3 first at i=1,
/// j=2); `break` inside a select breaks the select and `continue` the loop (got = 0 + 1);
/// goroutines started in the body capture each iteration's own `i`; `for x = range` assigns
/// an outer variable, which keeps the last value.
#[test]
fn returns_selects_and_goroutines_in_the_body() {
    let report = check(include_str!("models/rangefunc/returns_and_goroutines.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(text(&report, OutcomeKind::Ok), "1 2\ngot 1\n[0 1 4]\nx 4\n");
}

/// An iterator that holds its mutex while the body runs (iter.Seq2 from a method): the body
/// locking the same mutex deadlocks, after every other loop printed what Go prints.
#[test]
fn a_body_that_locks_the_iterators_mutex_deadlocks() {
    let report = check(include_str!("models/rangefunc/registry_iterator.go"));
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    assert_eq!(
        text(&report, OutcomeKind::Deadlock),
        "0 a\n1 b\n2 c\n1 8\n0 7\n[2 4 6]\n5\niter.Seq[int]\n"
    );
}

/// An iterator that ignores yield's false: the second call after `break` panics with the
/// runtime's error. Two states: main runs to the panic (printing 1 and 2), then panics.
#[test]
fn yield_after_break_panics_as_the_runtime_does() {
    let report = check(
        r#"package main

import "fmt"

func All(s []int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for _, v := range s {
			yield(v)
		}
	}
}

func main() {
	for v := range All([]int{1, 2, 3}) {
		fmt.Println(v)
		if v == 2 {
			break
		}
	}
}
"#,
    );
    assert_space(&report, &[(OutcomeKind::Panic, 1)], 2, 1);
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: range function continued iteration after function for loop \
         body returned false"
    );
    assert_eq!(
        common::dumped_functions(&report, OutcomeKind::Panic),
        ["main.main-range1", "main.All.func1", "main.main"]
    );
}

/// A yield kept and called after the loop is over panics too.
#[test]
fn yield_after_the_loop_panics() {
    let report = check(
        "package main\n\nvar saved func(int) bool\n\nfunc Leaky(yield func(int) bool) {\n\t\
         saved = yield\n\tyield(1)\n}\n\nfunc main() {\n\tfor v := range Leaky {\n\t\t\
         println(v)\n\t}\n\tsaved(2)\n}\n",
    );
    assert_space(&report, &[(OutcomeKind::Panic, 1)], 2, 1);
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: range function continued iteration after whole loop exit"
    );
}

/// An iterator that recovers a panic of the body and returns: Go 1.23 panics once the
/// iterator returns ("did not resume panicking", rewrite.go's check of `abi.RF_PANIC`), after
/// the iterator's deferred call printed what it recovered (checked with go1.23 run). One that
/// calls yield again after recovering panics at that call instead, inside the deferred call
/// that recovered "boom", which is still in the chain.
#[test]
fn an_iterator_that_recovers_a_panic_of_the_body_panics_as_go_does() {
    let iterator = |again: &str| {
        format!(
            "package main\n\nimport \"fmt\"\n\nfunc seq(yield func(int) bool) {{\n\t\
             defer func() {{\n\t\tif r := recover(); r != nil {{\n\t\t\t\
             fmt.Println(\"iterator recovered:\", r)\n\t\t\t{again}\n\t\t}}\n\t}}()\n\t\
             for i := 0; i < 3; i++ {{\n\t\tif !yield(i) {{\n\t\t\treturn\n\t\t}}\n\t}}\n}}\n\n\
             func main() {{\n\tfor x := range seq {{\n\t\tif x == 1 {{\n\t\t\tpanic(\"boom\")\n\t\t}}\n\t\t\
             fmt.Println(\"x\", x)\n\t}}\n\tfmt.Println(\"after loop\")\n}}\n"
        )
    };
    // Three states: the start, main at the runtime's panic (the step of `panic("boom")` ran
    // the iterator's deferred call and returned from the iterator), and the end.
    let report = check(&iterator(""));
    assert_space(&report, &[(OutcomeKind::Panic, 1)], 3, 2);
    assert_eq!(
        text(&report, OutcomeKind::Panic),
        "x 0\niterator recovered: boom\n"
    );
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: range function recovered a loop body panic and did not resume \
         panicking"
    );
    let report = check(&iterator("yield(5)"));
    assert_eq!(
        panic_message(&report),
        "panic: boom [recovered]\n\tpanic: runtime error: range function continued iteration \
         after loop body panic"
    );
}

/// What a witness printed, each print ending its line (as `common::output_of` joins them).
fn text(report: &gomc::Report, kind: OutcomeKind) -> String {
    printed(report, kind)
        .iter()
        .map(|line| match line.ends_with('\n') {
            true => line.clone(),
            false => format!("{line}\n"),
        })
        .collect()
}

const COUNT: &str = "package main\n\nfunc Count(n int) func(func(int) bool) {\n\treturn \
                     func(yield func(int) bool) {\n\t\tfor i := 0; i < n; i++ {\n\t\t\tif \
                     !yield(i) {\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}\n}\n\nfunc main() {\n";

fn error_of(body: &str) -> String {
    compile_error(&format!("{COUNT}{body}}}\n")).to_string()
}

/// What the body cannot hold is an error naming it: `goto`, and `break`/`continue` to a
/// statement around the loop.
#[test]
fn goto_and_outer_branches_in_the_body_are_refused() {
    let goto = error_of(
        "\tfor v := range Count(2) {\n\t\tif v == 1 {\n\t\t\tgoto done\n\t\t}\n\t}\ndone:\n\tprintln()\n",
    );
    assert!(
        goto.contains("goto in the body of a range over a function"),
        "{goto}"
    );
    let outer = error_of(
        "outer:\n\tfor i := 0; i < 2; i++ {\n\t\tfor v := range Count(2) {\n\t\t\tif v == i {\n\t\t\t\t\
         continue outer\n\t\t\t}\n\t\t}\n\t}\n",
    );
    assert!(
        outer.contains("continue outer out of the body of a range over a function"),
        "{outer}"
    );
}

/// `defer` in a body (and in a body nested in it) runs when the function around the loop
/// returns: after the iterator's own deferred calls, newest first, before the deferred calls
/// the function made before the loop and after those it made after it. The output is what
/// `go run` (Go 1.23.5) prints; the goroutine's deferred Lock then deadlocks main, as there.
#[test]
fn defers_in_the_body_run_when_the_function_around_the_loop_returns() {
    let report = check(include_str!("models/rangefunc/defers.go"));
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    assert_eq!(
        text(&report, OutcomeKind::Deadlock),
        "iterator done\nafter the loop\nnested 1 1\nnested 1 0\ndeferred in body 1 b\n\
         nested 0 1\nnested 0 0\ndeferred in body 0 a\nvisit returns 0\ncount 20\n\
         iterator done\n"
    );
}

/// A deferred call of the body recovers a panic of a later iteration: the deferred calls of
/// the body run newest first while the panic unwinds the function around the loop, so the
/// one deferred at i = 1 recovers it, as the specification says. (Go 1.23.5 crashes in
/// runtime.deferprocat on this program, a toolchain bug, so the answer is the
/// specification's.)
#[test]
fn a_body_defer_recovers_a_panic_of_the_loop() {
    let report = check(&format!(
        "{}\tfmt.Println(recovers())\n}}\n",
        COUNT.replace(
            "package main\n",
            "package main\n\nimport \"fmt\"\n\nfunc recovers() (err error) {\n\tfor i := range \
             Count(3) {\n\t\tdefer func() {\n\t\t\tif r := recover(); r != nil {\n\t\t\t\t\
             err = fmt.Errorf(\"recovered %v at %d\", r, i)\n\t\t\t}\n\t\t}()\n\t\tif i == 1 \
             {\n\t\t\tpanic(\"boom\")\n\t\t}\n\t}\n\treturn nil\n}\n"
        )
    ));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(text(&report, OutcomeKind::Ok), "recovered boom at 1\n");
}

/// Types go build 1.23 rejects, with its words, and a model of a release before 1.23.
#[test]
fn iterator_types_and_releases_are_checked() {
    let two = error_of("\tfor a, b := range Count(2) {\n\t\tprintln(a, b)\n\t}\n");
    assert!(
        two.contains(
            "range over Count(2) (value of type func(func(int) bool)) permits only one \
             iteration variable"
        ),
        "{two}"
    );
    let no_bool = error_of("\tfor v := range func(yield func(int)) {} {\n\t\tprintln(v)\n\t}\n");
    assert!(
        no_bool
            .contains("func must be func(yield func(...) bool): yield func does not return bool"),
        "{no_bool}"
    );
    let old = compile_error(&format!(
        "// gomc:go 1.22\n{COUNT}\tfor v := range Count(2) {{\n\t\tprintln(v)\n\t}}\n}}\n"
    ))
    .to_string();
    assert!(old.contains("requires go1.23 or later"), "{old}");
}

/// iter.Pull and Pull2: values come one `next` at a time, each iterator's deferred calls run
/// when it ends, `next` after `stop` is the zero value and false, and an iterator still
/// holding a mutex (neither exhausted nor stopped) deadlocks the caller that locks it. The
/// output and the deadlock are what `go run` (Go 1.23.5) gives.
#[test]
fn pulled_iterators_run_as_coroutines() {
    let report = check(include_str!("models/rangefunc/pull.go"));
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    assert_eq!(
        text(&report, OutcomeKind::Deadlock),
        "count done\ncount done\n[0 11]\na 1 true\n 0 false\ngot 1\n"
    );
}

/// A panic of a pulled iterator reaches the caller of `next` (iter.go recovers it in the
/// coroutine and panics again with it), as `go run` (Go 1.23.5) shows; a pulled iterator
/// nobody stops leaves its coroutine blocked when main returns: a leak.
#[test]
fn a_pulled_iterators_panic_reaches_next_and_an_unstopped_one_leaks() {
    let report = check(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"iter\"\n)\n\nfunc main() {\n\tseq := func(yield \
         func(int) bool) {\n\t\tyield(1)\n\t\tpanic(\"boom\")\n\t}\n\tnext, stop := \
         iter.Pull(iter.Seq[int](seq))\n\tdefer stop()\n\tv, ok := next()\n\tfmt.Println(v, \
         ok)\n\tv, ok = next()\n\tfmt.Println(v, ok)\n}\n",
    );
    assert_eq!(panic_message(&report), "panic: boom");
    assert_eq!(text(&report, OutcomeKind::Panic), "1 true\n");
    let report = check(
        "package main\n\nimport \"iter\"\n\nfunc main() {\n\tnext, _ := iter.Pull(iter.Seq[int](\
         func(yield func(int) bool) { yield(1) }))\n\tnext()\n}\n",
    );
    assert_kinds(&report, &[OutcomeKind::Leak]);
}
