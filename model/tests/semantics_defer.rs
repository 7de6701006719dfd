//! Known-answer tests of defer, panic, recover and `runtime.Goexit`, mirroring Go 1.23's
//! runtime/panic.go (`gopanic`, `gorecover`, `recovery`, `Goexit`, `printpanics`). Every
//! expected panic text below was also checked against a real Go toolchain.
//!
//! How states are counted: see `semantics.rs`. A program whose only scheduling point is one
//! `panic` has two states (before and after it) and one transition: the deferred calls run
//! inside that transition unless they synchronize.

mod common;

use common::{assert_kinds, assert_space, check, panic_message, printed};
use gomc::explore::OutcomeKind::{Deadlock, Ok, Panic};

#[test]
fn recover_outside_a_panicking_deferred_call_returns_nil() {
    // Called directly by main (no panic), and called by a function that the deferred call
    // calls (too deep): nil both times, and the panic goes on.
    let report = check(
        "package main
func helper() any { return recover() }
func main() {
	if recover() != nil {
		panic(\"recover outside a panic returned a value\")
	}
	defer func() {
		if helper() != nil {
			panic(\"recover two calls deep stopped the panic\")
		}
	}()
	panic(\"still panicking\")
}",
    );
    assert_space(&report, &[(Panic, 1)], 2, 1);
    assert_eq!(panic_message(&report), "panic: still panicking");
}

#[test]
fn recover_during_goexit_returns_nil() {
    // S0 g1 at `go`; S1 g1 at the receive, g2 at Goexit. g1 parks (S2) or g2 starts Goexit,
    // whose deferred calls run up to the close (S3); from S2 g2 does the same (S4), from S3 g1
    // parks (S4) or g2 closes and ends (S5: g1 at a ready receive); S4 and S5 end in S6.
    let report = check(
        "package main
import \"runtime\"
func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() {
			if recover() != nil {
				panic(\"recover returned a value during Goexit\")
			}
		}()
		runtime.Goexit()
	}()
	<-done
}",
    );
    assert_space(&report, &[(Ok, 1)], 7, 8);
}

#[test]
fn repanic_in_a_deferred_call_prints_both_panics() {
    let report = check(
        "package main
func main() {
	defer func() { panic(\"second\") }()
	panic(\"first\")
}",
    );
    // The second panic is a step of its own.
    assert_space(&report, &[(Panic, 1)], 3, 2);
    assert_eq!(panic_message(&report), "panic: first\n\tpanic: second");
}

#[test]
fn recovered_then_repanicked_is_marked_recovered() {
    let report = check(
        "package main
import \"fmt\"
func main() {
	defer func() {
		r := recover()
		panic(fmt.Sprint(\"again: \", r))
	}()
	panic(\"first\")
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: first [recovered]\n\tpanic: again: first"
    );
}

#[test]
fn three_panics_chain() {
    let report = check(
        "package main
import \"fmt\"
func main() {
	defer func() {
		defer func() {
			panic(fmt.Sprint(\"third \", recover()))
		}()
		panic(\"second\")
	}()
	panic(\"first\")
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: first\n\tpanic: second [recovered]\n\tpanic: third second"
    );
}

#[test]
fn a_nested_recovered_panic_leaves_the_outer_panic_recoverable() {
    let report = check(
        "package main
func inner() {
	defer func() { recover() }()
	panic(\"inner\")
}
func main() {
	defer func() {
		inner()
		if recover() != \"outer\" {
			panic(\"the outer panic was lost\")
		}
	}()
	panic(\"outer\")
}",
    );
    // panic(outer) and panic(inner) are one step each; then main returns normally.
    assert_space(&report, &[(Ok, 1)], 3, 2);
}

#[test]
fn defer_recover_directly_does_not_stop_the_panic() {
    // runtime/panic.go: `defer recover()` is not called *by* a deferred function.
    let report = check(
        "package main
func main() {
	defer recover()
	panic(\"not stopped\")
}",
    );
    assert_space(&report, &[(Panic, 1)], 2, 1);
    assert_eq!(panic_message(&report), "panic: not stopped");
}

#[test]
fn defer_recover_inside_a_deferred_function_stops_the_panic() {
    // Go's test/recover.go test4: the deferred recover acts for the deferred function.
    let report = check(
        "package main
func main() {
	defer func() {
		defer recover()
	}()
	panic(\"stopped\")
}",
    );
    assert_space(&report, &[(Ok, 1)], 2, 1);
}

#[test]
fn named_results_are_set_by_deferred_closures() {
    let report = check(
        "package main
import \"fmt\"
func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf(\"recovered: %v\", r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}
func double() (x int) {
	defer func() { x *= 2 }()
	return 21
}
func main() {
	q, err := safeDivide(7, 0)
	if q != -1 || err == nil || err.Error() != \"recovered: runtime error: integer divide by zero\" {
		panic(fmt.Sprint(\"wrong results \", q, err))
	}
	q, err = safeDivide(7, 2)
	if q != 3 || err != nil {
		panic(\"wrong results without a panic\")
	}
	if double() != 42 {
		panic(\"the deferred closure did not change the result\")
	}
	fmt.Println(\"ok\", q)
}",
    );
    // No scheduling point at all (the division by zero panics in local code): the whole
    // program runs in the initial state.
    assert_space(&report, &[(Ok, 1)], 1, 0);
}

#[test]
fn recovered_runtime_error_is_an_error_value() {
    let report = check(
        "package main
import \"fmt\"
func main() {
	defer func() {
		r := recover()
		fmt.Println(r)
		panic(r)
	}()
	var s []int
	_ = s[3]
}",
    );
    assert_eq!(
        panic_message(&report),
        "panic: runtime error: index out of range [3] with length 0 [recovered]\n\tpanic: runtime error: index out of range [3] with length 0"
    );
}

#[test]
fn panic_with_an_error_prints_its_text() {
    let report = check(
        "package main
import \"errors\"
func main() {
	panic(errors.New(\"bad thing\"))
}",
    );
    assert_eq!(panic_message(&report), "panic: bad thing");
}

#[test]
fn panic_nil_is_a_panic_nil_error() {
    // Go 1.21: panic(nil) panics with *runtime.PanicNilError, which recover returns.
    let report = check(
        "package main
func main() {
	defer func() {
		if recover() == nil {
			panic(\"recover returned nil for panic(nil)\")
		}
	}()
	panic(nil)
}",
    );
    assert_space(&report, &[(Ok, 1)], 2, 1);
    let report = check("package main\nfunc main() { panic(nil) }");
    assert_eq!(
        panic_message(&report),
        "panic: panic called with nil argument"
    );
}

/// A panic value with an `Error` or `String` method prints as what the method returns, as
/// the runtime prints it (runtime/panic.go `preprintpanics`), indented like a string; the value
/// recovered is still the value; a nil error is `panic(nil)`. Expected: `go run` (Go 1.23.5).
#[test]
fn panic_values_print_through_their_error_and_string_methods() {
    let report = check(include_str!("models/stdlib/panic_methods.go"));
    assert_eq!(
        panic_message(&report),
        "panic: wrapped: code 7\n\tsecond line"
    );
    assert_eq!(
        printed(&report, Panic),
        [
            "recovered L3\n",
            "recovered panic called with nil argument\n",
            "recovered plain\n"
        ]
    );
}

#[test]
fn multi_line_panic_strings_are_indented() {
    let report = check("package main\nfunc main() { panic(\"two\\nlines\") }");
    assert_eq!(panic_message(&report), "panic: two\n\tlines");
}

#[test]
fn a_recovered_panic_during_goexit_does_not_cancel_the_goexit() {
    // runtime/panic.go's `recovery` does not jump past a pending Goexit: the function whose
    // deferred call recovered does not return; the Goexit goes on. (Go 1.14 and later.)
    let report = check(
        "package main
import \"runtime\"
var after bool
func inner() {
	defer func() { panic(\"boom\") }()
	runtime.Goexit()
}
func worker(done chan bool) {
	defer func() { done <- true }()
	func() {
		defer func() { recover() }()
		inner()
	}()
	after = true
}
func main() {
	done := make(chan bool)
	go worker(done)
	<-done
	if after {
		panic(\"the recovered panic cancelled the Goexit\")
	}
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn a_recovered_panic_below_a_goexit_returns_normally() {
    // The recovering function is deeper than the Goexit's frame: it returns normally into the
    // deferred call that Goexit runs, which goes on.
    let report = check(
        "package main
import \"runtime\"
var reached bool
func risky() {
	defer func() { recover() }()
	panic(\"inside\")
}
func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() {
			risky()
			reached = true
		}()
		runtime.Goexit()
	}()
	<-done
	if !reached {
		panic(\"risky did not return normally\")
	}
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn goexit_in_a_deferred_call_ends_a_panicking_goroutine_quietly() {
    // A deferred call that calls Goexit while the goroutine panics: the goroutine ends, the
    // panic is abandoned, and recover sees nil in the deferred calls that Goexit runs.
    let report = check(
        "package main
import \"runtime\"
func main() {
	done := make(chan bool)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panic(\"recover saw the panic during Goexit\")
			}
			close(done)
		}()
		defer func() { runtime.Goexit() }()
		panic(\"boom\")
	}()
	<-done
}",
    );
    assert_kinds(&report, &[Ok]);
}

#[test]
fn a_panic_after_goexit_is_printed_alone() {
    let report = check(
        "package main
import \"runtime\"
func main() {
	defer func() { panic(\"after goexit\") }()
	runtime.Goexit()
}",
    );
    assert_space(&report, &[(Panic, 1)], 3, 2);
    assert_eq!(panic_message(&report), "panic: after goexit");
}

#[test]
fn goexit_in_main_after_recovering_is_still_a_deadlock() {
    let report = check(
        "package main
import \"runtime\"
func main() {
	defer func() { recover() }()
	runtime.Goexit()
}",
    );
    assert_space(&report, &[(Deadlock, 1)], 2, 1);
}

#[test]
fn deferred_calls_of_outer_frames_run_during_a_panic_of_an_inner_one() {
    let report = check(
        "package main
import \"fmt\"
var order []string
func level(n int) {
	defer func() { order = append(order, fmt.Sprint(\"level \", n)) }()
	if n == 0 {
		panic(\"bottom\")
	}
	level(n - 1)
}
func main() {
	defer func() {
		recover()
		fmt.Println(order)
	}()
	level(2)
}",
    );
    assert_space(&report, &[(Ok, 1)], 2, 1);
    assert_eq!(printed(&report, Ok), ["[level 0 level 1 level 2]"]);
}
