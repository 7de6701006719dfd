//! Generic functions and types (`frontend/generics.rs`, `frontend/generic_types.rs`): each
//! instantiation is a function or defined type of its own, named as Go's tracebacks name it
//! (`main.Process[...]`, `main.(*Cache[...]).Get`). Expected outputs and dumps are what
//! `go run` (Go 1.19) printed for the same files.

mod common;

use common::{assert_kinds, check, compile_error, dumped_functions, printed};
use gomc::explore::OutcomeKind;

#[test]
fn generic_functions_are_instantiated_with_inferred_and_explicit_type_arguments() {
    let report = check(include_str!("models/generics/functions.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["[10 20 30] 6 9 1", "[1 2]", "7 y"]
    );
}

#[test]
fn a_generic_worker_pool_deadlocks_as_go_does_and_its_frames_are_named_as_go_names_them() {
    let report = check(include_str!("models/generics/pool_deadlock.go"));
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    let functions = dumped_functions(&report, OutcomeKind::Deadlock);
    assert!(
        functions.contains(&"main.Process[...]".to_string()),
        "{functions:?}"
    );
    assert!(
        functions.contains(&"main.Process[...].func1".to_string()),
        "{functions:?}"
    );
}

#[test]
fn generic_code_go_rejects_is_an_error() {
    let error = compile_error(
        "package main\n\nfunc Zero[T any]() T {\n\tvar z T\n\treturn z\n}\n\nfunc main() {\n\t_ = Zero()\n}\n",
    );
    assert!(error.message.contains("cannot infer T"), "{error}");
    let error = compile_error(
        "package main\n\nfunc Id[T any](x T) T { return x }\n\nfunc main() {\n\tf := Id\n\t_ = f\n}\n",
    );
    assert_eq!(
        error.message,
        "cannot use generic function Id without instantiation"
    );
}

#[test]
fn generic_types_and_their_methods_are_instantiated_per_type_argument() {
    let report = check(include_str!("models/generics/types.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        ["1 true", "b 1", "{1 x} 1\n", "1"]
    );
}

#[test]
fn a_generic_method_that_relocks_its_mutex_deadlocks_with_go_s_frames() {
    let report = check(include_str!("models/generics/reentrant_lock.go"));
    assert_kinds(&report, &[OutcomeKind::Deadlock]);
    assert_eq!(
        dumped_functions(&report, OutcomeKind::Deadlock),
        [
            "main.(*Cache[...]).Get",
            "main.(*Cache[...]).GetOrCompute",
            "main.main"
        ]
    );
}

/// A generic function as a value: explicit instantiations (`Double[int]`, also as an argument)
/// print what go run prints.
#[test]
fn generic_functions_are_values_once_instantiated() {
    common::assert_prints_as_go_run("generic_values");
}

/// A bare generic function where a function type is expected gets its type arguments from that
/// type (Go 1.21); elsewhere it is Go's error (`generic_code_go_rejects_is_an_error`).
#[test]
fn a_generic_function_value_infers_its_type_arguments_from_the_target() {
    let source = "package main\n\nimport \"fmt\"\n\nfunc Double[T int | float64](x T) T { return x * 2 }\n\n\
                  func apply(f func(int) int, x int) int { return f(x) }\n\n\
                  func main() {\n\tvar f func(float64) float64 = Double\n\tfmt.Println(f(1.25), apply(Double, 4))\n}\n";
    assert_eq!(common::output_of(source), "2.5 8\n");
}

/// Generic types declared inside a function are instantiated like package-level ones, and
/// visible only in their block.
#[test]
fn generic_types_declared_in_a_function_are_instantiated() {
    common::assert_prints_as_go_run("generic_local_types");
}

/// `x := F[int](y)`, which the grammar reads as a conversion to a generic type, is a call of
/// the instance (go run prints `2 6`).
#[test]
fn an_explicit_instance_call_in_a_declaration_is_a_call() {
    let source = "package main\n\nfunc Id[T any](x T) T { return x }\n\n\
                  func Double[T int | float64](x T) T { return x * 2 }\n\n\
                  func main() {\n\tx := Id[int](2)\n\ty := Double[int](3)\n\tprintln(x, y)\n}\n";
    assert_eq!(common::output_of(source), "2 6\n");
}

/// A generic type used as a field type of a package-level struct (`cfg
/// atomic.Pointer[config]`) is instantiated while the struct is resolved; its methods keep
/// their type arguments when the package's signatures are resolved afterwards (they failed
/// with "undefined type: T").
#[test]
fn generic_types_in_struct_fields_keep_their_type_arguments() {
    common::assert_prints_as_go_run("generic_struct_fields");
}

/// Untyped constant arguments bind a type parameter only after the typed ones, the largest
/// kind first (Go 1.21's inference): `Pick(1, x)` with x a float64 and `Max(1, 2.5)` are
/// float64. gomc took the first argument's default type (int) and then
/// refused x. Expected output worked out from the Go 1.21 specification ("Type inference").
#[test]
fn untyped_constant_arguments_bind_after_typed_ones() {
    let source = "package main

import \"fmt\"

func Pick[T any](a, b T) T { return b }

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	x := 0.5
	fmt.Printf(\"%v %T %v %T %v\\n\", Pick(1, x), Pick(1, x), Max(1, 2.5), Max(1, 2.5), Max(3, 2))
}
";
    assert_eq!(common::output_of(source), "0.5 float64 2.5 float64 3\n");
}

/// Type arguments are inferred through a parameter of a generic defined type (`s S[V]` given
/// an `S[int]`, `l L[V]` given an `L[string]`): the syntax wraps each type argument in a type
/// element, which inference did not look through, so `iter.Pull(seq)` could not infer V.
#[test]
fn type_arguments_are_inferred_through_generic_defined_types() {
    let report = check(
        "package main\n\ntype S[V any] func(yield func(V) bool)\n\ntype L[V any] []V\n\nfunc \
         first[V any](s S[V]) (out V) {\n\ts(func(v V) bool { out = v; return false })\n\treturn\n}\n\n\
         func size[V any](l L[V]) int { return len(l) }\n\nfunc main() {\n\tvar s S[int] = \
         func(yield func(int) bool) { yield(7) }\n\tprintln(first(s), size(L[string]{\"a\", \"b\"}))\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["7 2"]);
}

/// A constraint naming an earlier type parameter (`[P Num, T HasP[P]]`) and embedding
/// `comparable`, also on a generic type used as a field before its argument's methods are
/// declared (the check waits for the method sets). Before, gomc said "undefined: P".
#[test]
fn constraints_may_name_earlier_type_parameters_and_embed_comparable() {
    let report = check(include_str!("models/generics/constraint_params.go"));
    assert_kinds(&report, &[OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["{3} 2", "{5}", "1 e2"]);
}
