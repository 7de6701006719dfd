//! Known-answer tests of the data features the testing-package models need: arrays as
//! values, pointers to struct fields and to slice and array elements, error values
//! (`errors.New`, `fmt.Errorf` with `%w`, `errors.Is`/`Unwrap`, `err.Error()`), and the order
//! of a range over a map (how states are counted: see `semantics.rs`).
//!
//! These programs have no scheduling point before they print or panic, so most run entirely in
//! the initial state (1 state, 0 transitions) or end in one panic step.

mod common;

use common::{assert_space, check, panic_message, printed};
use gomc::explore::OutcomeKind::{self, Ok, Panic};

/// Runs a model whose only scheduling point is a final `runtime.Gosched()` (so that what it
/// printed is part of a step) and returns what it printed.
fn output(body: &str, declarations: &str) -> Vec<String> {
    let report = check(&format!(
        "package main
import (
	\"errors\"
	\"fmt\"
	\"runtime\"
)
var _ = errors.New(\"keeps the import used\")
{declarations}
func main() {{
	runtime.Gosched()
{body}
}}"
    ));
    assert_space(&report, &[(Ok, 1)], 2, 1);
    printed(&report, Ok)
}

#[test]
fn arrays_are_values() {
    let printed = output(
        "	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	i := 2
	a[i] = 7
	var grid [2][2]int
	grid[1][0] = 5
	var h holder
	h.items[1] = 4
	h.items[2]++
	c := [...]string{2: \"z\", 0: \"x\"}
	fmt.Println(a, b, grid, h.items, len(c), c[0]+c[2], a == [3]int{1, 2, 7})",
        "type holder struct{ items [3]int }",
    );
    assert_eq!(printed, ["[1 2 7] [9 2 3] [[0 0] [5 0]] [0 4 1] 3 xz true"]);
}

#[test]
fn array_element_assignment_checks_the_index() {
    let report = check(
        "package main
func main() {
	var a [3]int
	i := 3
	a[i] = 1
}",
    );
    assert_space(&report, &[(Panic, 1)], 1, 0);
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: index out of range [3] with length 3"
    );
}

#[test]
fn pointers_to_fields_and_elements() {
    let printed = output(
        "	var s pair
	p := &s.b
	*p = 3
	arr := [2]int{1, 2}
	q := &arr[1]
	*q++
	slice := []int{10, 20}
	r := &slice[0]
	slice = append(slice, 30)
	*r = 11
	ptr := &pair{}
	f := &ptr.a
	*f = 8
	nested := &s
	g := &nested.b
	*g += 1
	fmt.Println(s, arr, slice, *ptr, *r, p == g, p == &s.a)",
        "type pair struct{ a, b int }",
    );
    // `append` beyond the capacity copied: r still points into the old backing array.
    assert_eq!(printed, ["{0 4} [1 3] [10 20 30] {8 0} 11 true false"]);
}

#[test]
fn pointer_methods_on_fields_and_embedded_values() {
    let printed = output(
        "	var o outer
	o.in.inc()
	o.inc()
	o.arr[1].inc()
	fmt.Println(o.in.n, o.counter.n, o.arr[1].n)",
        "type counter struct{ n int }
func (c *counter) inc() { c.n++ }
type outer struct {
	counter
	in  counter
	arr [2]counter
}",
    );
    assert_eq!(printed, ["1 1 1"]);
}

#[test]
fn address_of_a_field_through_nil_panics() {
    let report = check(
        "package main
type pair struct{ a, b int }
func main() {
	var p *pair
	_ = &p.b
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: invalid memory address or nil pointer dereference"
    );
}

#[test]
fn errors_compare_by_identity() {
    let printed = output(
        "	a, b := errors.New(\"x\"), errors.New(\"x\")
	c := a
	var none error
	fmt.Println(a == b, a == c, none == nil, a != nil, a.Error() == b.Error(), a)",
        "",
    );
    assert_eq!(printed, ["false true true true true x"]);
}

#[test]
fn errorf_wraps_with_percent_w() {
    let printed = output(
        "	wrapped := fmt.Errorf(\"open %s: %w\", \"f\", errNotFound)
	plain := fmt.Errorf(\"open %s: %v\", \"f\", errNotFound)
	fmt.Println(wrapped, errors.Is(wrapped, errNotFound), errors.Unwrap(wrapped) == errNotFound)
	fmt.Println(plain, errors.Is(plain, errNotFound), errors.Unwrap(plain) == nil)
	fmt.Println(errors.Is(nil, nil), errors.Is(errNotFound, nil))",
        "var errNotFound = errors.New(\"not found\")",
    );
    assert_eq!(
        printed,
        [
            "open f: not found true true",
            "open f: not found false true",
            "true false"
        ]
    );
}

#[test]
fn error_method_of_nil_error_panics() {
    let report = check(
        "package main
func main() {
	var err error
	_ = err.Error()
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: invalid memory address or nil pointer dereference"
    );
}

/// Go's classic: a nil `*myErr` returned as `error` is a non-nil interface (it has a dynamic
/// type), so the caller's `err != nil` holds. `go run` panics with this message.
#[test]
fn a_nil_pointer_in_an_error_is_not_a_nil_error() {
    let report = check(
        "package main
type myErr struct{}
func (e *myErr) Error() string { return \"mine\" }
func find() error {
	var p *myErr
	return p
}
func main() {
	if find() != nil {
		panic(\"non-nil error holding a nil pointer\")
	}
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: non-nil error holding a nil pointer"
    );
}

/// Slicing an array variable (`buf[:]`, `p[2:]` through a pointer, a package-level array in
/// goroutines, `sort.Ints(nums[:])`): the slice shares the variable's elements, both ways.
#[test]
fn slices_of_array_variables_share_their_elements() {
    common::assert_prints_as_go_run("array_slices");
}

/// An array inside a struct cannot be sliced in place: an error naming it when the syntax
/// shows it, a step error when a pointer to it is sliced.
#[test]
fn slicing_an_array_field_is_refused() {
    let error = common::compile_error(
        "package main\n\ntype ring struct{ buf [4]int }\n\nfunc main() {\n\tvar r ring\n\ts := r.buf[:]\n\t_ = s\n}\n",
    );
    assert!(
        error
            .message
            .contains("slicing an array that is not a variable"),
        "{error}"
    );
    let error = common::step_error(
        "package main\n\ntype ring struct{ buf [4]int }\n\nfunc main() {\n\tr := &ring{}\n\tp := &r.buf\n\ts := p[:]\n\ts[0] = 1\n\tprintln(r.buf[0])\n}\n",
    );
    assert!(error.contains("slices an array inside a struct"), "{error}");
}

/// Go leaves the order of a range over a map open and its runtime varies it from run to run
/// (runtime/map.go's `mapiterinit` starts at a random bucket and offset): every order is
/// explored, so a program that ends differently in one order is caught
/// (`semantics/maprange.rs`, corpus/59_shutdown_hooks_map_order.go, confirmed with go run).
/// Counting: the first pick has 3 alternatives and the second 2; the last key is taken without
/// a choice. The states are the start, the 3 after one pick (order = 1, 2 or 3), main
/// standing at `panic` after 3-2-1, the panicked end and the one ok end (main's locals die
/// with it): 7 states; 3 + 3 x 2 + 1 (the panic) = 10 transitions.
#[test]
fn map_range_visits_the_keys_in_every_order() {
    let report = check(
        "package main
func main() {
	m := map[int]int{3: 30, 1: 10, 2: 20}
	order := 0
	for k := range m {
		order = order*10 + k
	}
	if order == 321 {
		panic(\"descending\")
	}
}",
    );
    assert_space(
        &report,
        &[(OutcomeKind::Ok, 1), (OutcomeKind::Panic, 1)],
        7,
        10,
    );
}

/// The keys left are kept in ascending order and the visited ones too, so orders that visited
/// the same keys with the same effect meet once the loop variables agree too (they hold the
/// last key visited). Summing 5 keys stores the start, the 5 states after one pick, the 10
/// sets of two keys times the key that came last (20), the 10 sets of three times theirs (30)
/// and the ok end: 57 states, where keeping the order would store the 60 orders of three keys
/// (87). Transitions: 5 + 5 x 4 + 20 x 3 + 30 x 2 = 145 (the fourth pick leaves one key, taken
/// without a choice, so it runs to the end).
#[test]
fn map_range_orders_with_the_same_effect_meet_in_one_state() {
    let report = check(
        "package main
func main() {
	m := map[string]int{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5}
	sum := 0
	for _, v := range m {
		sum += v
	}
	if sum != 15 {
		panic(sum)
	}
}",
    );
    assert_space(&report, &[(OutcomeKind::Ok, 1)], 57, 145);
}

/// A map with one entry, or a range left with one key, makes no choice: the loop runs in the
/// initial step, which ends the program (1 state, no transition).
#[test]
fn map_range_over_one_key_is_not_a_choice() {
    let report = check(
        "package main
func main() {
	for k, v := range map[string]int{\"only\": 1} {
		println(k, v)
	}
}",
    );
    assert_space(&report, &[(OutcomeKind::Ok, 1)], 1, 0);
}

/// `sync.Map.Range` visits its keys in any order, as Go's does (a range over its read-only
/// map; sync/map.go), and loads each value when it visits the key, so a key deleted before
/// its visit is skipped: with 2 deleting 1, the orders 1-2-3, 1-3-2, 2-3 (1 skipped after
/// 2-1-3 or 2-3-1), 3-1-2 and 3-2 are possible. The descending one is reached (gomc visited
/// the keys in ascending order only, and this model never panicked).
#[test]
fn sync_map_range_visits_the_keys_in_every_order() {
    let source = |bad: &str| {
        format!(
            "package main
import \"sync\"
func main() {{
	var m sync.Map
	m.Store(3, 30)
	m.Store(1, 10)
	m.Store(2, 20)
	order := 0
	m.Range(func(k, v any) bool {{
		order = order*10 + k.(int)
		if k.(int) == 2 {{
			m.Delete(1)
		}}
		return true
	}})
	if {bad} {{
		panic(order)
	}}
}}"
        )
    };
    assert_eq!(check(&source("order == 32")).kinds(), [Ok, Panic]);
    assert_eq!(check(&source("order == 23")).kinds(), [Ok, Panic]);
    // A key deleted before its visit is never visited.
    let never = "order == 321 || order == 231 || order == 213 || order == 21";
    assert_eq!(check(&source(never)).kinds(), [Ok]);
}

/// `fns[i](x)` and `d.handlers[kind](ev)` parse as conversions to a generic type; a name for
/// the operand that is a variable makes them calls of the element (`frontend/indexcall.rs`),
/// as expressions, statements and in `go`. Before, gomc refused them ("generic type").
#[test]
fn calls_of_elements_that_parse_as_conversions_are_calls() {
    let report = check(include_str!("models/types/element_calls.go"));
    assert_eq!(
        printed(&report, Ok),
        ["2", "12", "5", "30", "7", "40", "go 9"]
    );
}
