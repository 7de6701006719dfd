//! `errors.Is` and `errors.Unwrap` (`model/src/stdlib/errors.go`, through user `Unwrap` and `Is`
//! methods too), and error trees (Go 1.20): `errors.Join` and `fmt.Errorf` with
//! several `%w` wrap several errors; `errors.Is` and `errors.As` search them depth first and
//! `errors.Unwrap` returns nil (errors/wrap.go, errors/join.go, fmt/errors.go). Debian's Go
//! 1.19 predates both, so the expected values are those the Go 1.20 documentation states.

mod common;

use common::{assert_kinds, check, printed};
use gomc::explore::OutcomeKind;

#[test]
fn join_and_several_wraps_make_trees_that_is_and_as_search() {
    let report = check(include_str!("models/errors/join.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "a failed\ncode 7",
            "true false",
            "true 7",
            "true true",
            "both: a failed and b failed true true",
            "true",
        ]
    );
}

#[test]
fn errors_is_follows_user_unwrap_and_is_methods_as_go_does() {
    // Expected: `go run` (Go 1.19) of the same file.
    let report = check(include_str!("models/errors/user_unwrap.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "lookup: SELECT 1: not found",
            "true false",
            "true",
            "true false",
            "false true true",
        ]
    );
}

#[test]
fn unwrap_methods_are_told_apart_by_signature() {
    // The assertions print what `go run` (Go 1.19) printed; errors.Is through
    // `Unwrap() []error` is Go 1.20's (Go 1.19's errors.Is does not follow it).
    let report = check(include_str!("models/errors/unwrap_signatures.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["false true true false", "true true false"]
    );
}

#[test]
fn errors_as_follows_user_unwrap_and_as_methods_as_go_does() {
    // Expected: `go run` (Go 1.19) of the same file without the third line, which needs Go
    // 1.20's Unwrap() []error (the documented result). As finds through a user Unwrap() error,
    // through fmt.Errorf's %w, into a user Unwrap() []error (skipping a nil), through a user
    // As method, into an interface target (`error`: the wrapper itself), and not at all in a
    // plain error or a nil one.
    let report = check(include_str!("models/errors/user_as.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "true a",
            "true b",
            "true true",
            "true from As",
            "false",
            "true j: not found: c",
            "false true",
        ]
    );
}

/// `errors.ErrUnsupported` (Go 1.21) wraps and matches as Go's does.
#[test]
fn err_unsupported_is_a_sentinel_that_wraps() {
    let source = "package main

import (
	\"errors\"
	\"fmt\"
)

func main() {
	err := fmt.Errorf(\"probe grpc: %w\", errors.ErrUnsupported)
	fmt.Println(err, errors.Is(err, errors.ErrUnsupported))
}
";
    let report = check(source);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["probe grpc: unsupported operation true"]
    );
}

/// FIXME (README, Limitations, fmt): fmt recovers a panic of the `String` method it calls
/// (print.go `catchPanic`): Go 1.23 prints `<nil>` for the nil `*conn` and
/// `%!s(PANIC=String method: runtime error: index out of range [5] with length 2)`, and exits
/// 0. gomc runs the method as a plain call, so its panic ends the program.
#[test]
fn fixme_a_string_method_that_panics_under_fmt_panics_the_program() {
    let source = "package main

import \"fmt\"

type State int

var names = [...]string{\"idle\", \"busy\"}

func (s State) String() string { return names[s] }

type conn struct{ addr string }

func (c *conn) String() string { return \"conn \" + c.addr }

func main() {
	var c *conn
	fmt.Println(c)
	fmt.Printf(\"%v|%s\\n\", State(1), State(5))
}
";
    let report = check(source);
    assert_kinds(&report, &[OutcomeKind::Panic]);
}
