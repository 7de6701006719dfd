//! Go's type system as the machine sees it: integer kinds with wrap-around, interfaces with
//! dynamic types and dispatch, type assertions and switches, error types, method values and
//! local types. Every expected output below is what `go run` (Go 1.19) printed for the same
//! program.

mod common;

use common::{check, compile_error, printed};
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

#[test]
fn an_unsigned_64_bit_value_past_2_63_stops_the_search_and_says_why() {
    let source = "package main\n\nfunc main() {\n\tvar n uint = 0\n\tn--\n\tprintln(n)\n}\n";
    let report = check_source("known.go", source, &Config::new()).expect("compiles");
    assert!(!report.exhaustive);
    let error = format!("{:?}", report.step_error.expect("a step error"));
    assert!(error.contains("uint value of 2^63 or more"), "{error}");
}

#[test]
fn an_overflowing_constant_conversion_is_rejected_as_go_build_does() {
    let error = compile_error("package main\n\nfunc main() {\n\ty := uint8(300)\n\t_ = y\n}\n");
    assert_eq!(
        go_style(&error),
        "known.go:4:13: cannot convert 300 (untyped int constant) to type uint8"
    );
}

/// An error as `go build` prints it: `file:line:col: message`.
fn go_style(error: &gomc::frontend::ModelError) -> String {
    format!(
        "{}:{}:{}: {}",
        error.file, error.line, error.col, error.message
    )
}
