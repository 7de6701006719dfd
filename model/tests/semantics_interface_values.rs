//! Values of interface type as Go keeps them: boxed with their dynamic type wherever they go
//! into an interface-typed place (conversions, map keys, switch cases, assignments of several
//! or received values), and interface method expressions. Expected texts are `go run`'s
//! (`models/types/*.out`, `common::assert_prints_as_go_run`).

mod common;

use common::{check, printed};
use gomc::explore::OutcomeKind;

#[test]
fn interface_method_expressions_dispatch_on_their_first_argument() {
    // `Shape.Area` and `Shape.String` (promoted from the embedded fmt.Stringer) are functions
    // whose first parameter is the interface value; each call dispatches on the dynamic type
    // of the value passed, and `Scaler.Scale` passes its other arguments and results on.
    let source = "package main

import \"fmt\"

type Shape interface {
	Area() int
	fmt.Stringer
}

type Scaler interface {
	Scale(by int, name string) (int, string)
}

type sq struct{ n int }

func (q sq) Area() int      { return q.n * q.n }
func (q sq) String() string { return fmt.Sprint(\"sq\", q.n) }
func (q sq) Scale(by int, name string) (int, string) {
	return q.n * by, name + \"!\"
}

type rect struct{ w, h int }

func (r *rect) Area() int      { return r.w * r.h }
func (r *rect) String() string { return \"rect\" }

func main() {
	area, name := Shape.Area, Shape.String
	for _, s := range []Shape{sq{3}, &rect{2, 5}} {
		fmt.Println(name(s), area(s))
	}
	n, label := Scaler.Scale(sq{4}, 3, \"x\")
	fmt.Println(n, label)
}
";
    let report = check(source);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["sq3 9", "rect 10", "12 x!"]
    );
}

/// A switch on an interface value compares each constant case as an interface value, boxed
/// with its type: `case 1` and `case state(1)` differ, `case "drain"` matches the string (it
/// never matched before: the case stayed unboxed); a tagless `case v:` with an interface `v`
/// is `v == true`; `len` of a nil `*[4]byte` is the constant 4; `1 << bit` takes the type of
/// `mask |=`. Expected: `models/types/switch_cases.out`, from `go run`.
#[test]
fn switch_cases_on_interfaces_and_constant_lengths_print_as_go_run() {
    common::assert_prints_as_go_run("switch_cases");
}

/// A key of a map with an interface key type is boxed with its dynamic type wherever it is
/// used (index, comma-ok, assignment, `delete`): `m[1]` and `m[id(1)]` were one entry before.
/// A key whose dynamic type cannot be compared panics in every map operation, as
/// runtime/alg.go's mapKeyError does. Expected: `models/types/interface_map_keys.out` and
/// `unhashable_keys.out`, from `go run`.
#[test]
fn interface_map_keys_carry_their_dynamic_type_and_must_be_hashable() {
    common::assert_prints_as_go_run("interface_map_keys");
    common::assert_prints_as_go_run("unhashable_keys");
}

/// A value stored into an interface-typed variable by a select case (`case last = <-ch`), a
/// comma-ok form, one call's several results, a `:=` that assigns an existing variable or a
/// `var` declaration (package-level too: Go's test/fixedbugs/issue53619.go) is
/// boxed with its dynamic type (it stayed unboxed, and `last == 1` was false: Go's
/// test/fixedbugs/bug312.go). Expected: `models/types/interface_assignments.out`, from
/// `go run`.
#[test]
fn multi_value_and_received_assignments_box_into_interfaces() {
    common::assert_prints_as_go_run("interface_assignments");
}

/// A conversion into an interface type boxes the value with its dynamic type, as an assignment
/// does: `any(5) == a` holds for an `a` holding 5, `any(state(1)) == any(1)` does not, and `%T`
/// names the dynamic type. Before, `any(5)` stayed an unboxed constant (false, true,
/// `%!T(unknown)`). Expected: `models/types/interface_conversion.out`, from `go run`.
#[test]
fn conversions_into_interfaces_carry_the_dynamic_type() {
    common::assert_prints_as_go_run("interface_conversion");
}
