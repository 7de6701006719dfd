//! float32 and float64: arithmetic, conversions, untyped constants meeting typed operands, and
//! the text fmt and println print (compared with `go run`'s, `common::assert_prints_as_go_run`),
//! and fmt's `%T`.

mod common;

use common::{assert_prints_as_go_run, output_of, printed};
use gomc::explore::OutcomeKind;

#[test]
fn floats_print_as_go_prints_them() {
    assert_prints_as_go_run("floats");
}

#[test]
fn untyped_constants_take_the_type_of_the_other_operand() {
    let source = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\t\
                  n := 3\n\tf := 2.5\n\tfmt.Println(n*2.0, f*2, 2/f, float64(n)/2, n/2)\n\t\
                  backoff := time.Duration(float64(100*time.Millisecond) * 1.5)\n\t\
                  fmt.Println(int64(backoff), time.Duration(1e9) == time.Second)\n\t\
                  var ratio float32 = 1.0 / 3\n\tfmt.Println(ratio, float64(ratio) > 0.33)\n}\n";
    // go run printed these lines for the same program.
    assert_eq!(
        output_of(source),
        "6 5 0.8 1.5 1\n150000000 true\n0.33333334 true\n"
    );
}

/// A running average updated by two goroutines under a mutex has one final value whatever the
/// order (the additions are exact); without the mutex, race mode reports the race.
#[test]
fn a_shared_float_is_memory_like_any_other() {
    let locked = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\t\
                  var mu sync.Mutex\n\tvar wg sync.WaitGroup\n\ttotal := 0.0\n\t\
                  for _, v := range []float64{0.5, 1.25} {\n\t\twg.Add(1)\n\t\t\
                  go func(v float64) {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\t\
                  total += v\n\t\t\tmu.Unlock()\n\t\t}(v)\n\t}\n\twg.Wait()\n\t\
                  fmt.Printf(\"%.3f\\n\", total)\n}\n";
    assert_eq!(output_of(locked), "1.750\n");
    let racy = locked
        .replace("\t\t\tmu.Lock()\n", "")
        .replace("\t\t\tmu.Unlock()\n", "")
        .replace("\tvar mu sync.Mutex\n", "");
    let races = common::check_races_with(&racy, gomc::semantics::Reduction::ALL);
    assert!(
        races.kinds().contains(&OutcomeKind::Race),
        "{:?}",
        races.kinds()
    );
}

/// `--set` gives a float variable a new value, an integer literal included.
#[test]
fn set_overrides_float_variables() {
    let source = "package main\n\nimport \"fmt\"\n\nvar rate float64 = 2\nvar ratio = 0.5\n\n\
                  func main() {\n\tfmt.Println(rate*ratio, rate/3)\n}\n";
    let config = gomc::Config::new().set("rate", "3").set("ratio", "-1.5");
    let report = gomc::check_source("set.go", source, &config).expect("loads");
    assert_eq!(printed(&report, OutcomeKind::Ok), ["-4.5 1"]);
    assert_eq!(output_of(source), "1 0.6666666666666666\n");
}

/// `%T` names each operand's type as fmt does, concrete and interface operands, errors made by
/// errors.New, and struct literal types.
#[test]
fn the_type_verb_prints_go_type_names() {
    assert_prints_as_go_run("type_verb");
}

/// Package math: an exponential backoff capped with `math.Min`, the rounding functions, the
/// special values and constants, `Pow` by Go's algorithm.
#[test]
fn math_computes_what_go_computes() {
    assert_prints_as_go_run("math");
}

/// An untyped constant meeting a float place takes its type everywhere Go converts it: `++`,
/// `op=`, struct fields, sends, appends, map entries and switch cases.
#[test]
fn constants_stored_into_float_places_are_floats() {
    assert_prints_as_go_run("float_places");
}

/// Floats through a defined type (`Celsius`), variadic and generic parameters, a `select`
/// send, a pointer, an interface and a type switch.
#[test]
fn floats_go_everywhere_values_go() {
    assert_prints_as_go_run("float_named");
}

/// A float compared with an untyped integer constant: the constant takes the float's type, as
/// in arithmetic (`level == capacity` with `const capacity = 4`). The comparison used to push
/// the constant as an integer, and a float never equalled it. Expected:
/// `models/types/float_equality.out`, from `go run`.
#[test]
fn floats_equal_untyped_integer_constants_as_in_go() {
    assert_prints_as_go_run("float_equality");
}
