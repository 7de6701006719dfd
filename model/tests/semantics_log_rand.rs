//! `log` (printing, `Fatal*` exits 1, `Panic*` panics with the text), `math/rand` (each
//! value a choice of the checker) and sync/atomic's `Value`. Expected lines are what `go run`
//! (Go 1.19) printed, less the date and time log prefixes.

mod common;

use common::{check, printed};
use gomc::explore::OutcomeKind;

#[test]
fn log_prints_and_panics_as_go_does() {
    let report = check(include_str!("models/stdlib/log_rand.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    let lines = printed(&report, OutcomeKind::Ok);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(lines[0].starts_with("backoff "), "{lines:?}");
    assert_eq!(
        lines[1..],
        [
            "attempt 1 of 2",
            "worker 7 failed",
            "recovered: worker 7 failed true"
        ]
    );
}

#[test]
fn every_random_value_is_explored() {
    // rand.Intn(3) is a choice: three end states, one per value.
    let report = check(
        "package main\n\nimport \"math/rand\"\n\nvar picked int\n\nfunc main() {\n\tpicked = \
         rand.Intn(3)\n}\n",
    );
    let ok = report.outcome(OutcomeKind::Ok).expect("ok");
    assert_eq!(ok.count, 3);
}

#[test]
fn log_fatal_exits_with_status_1() {
    let report = check(
        "package main\n\nimport \"log\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() \
         {\n\t\tlog.Fatalf(\"cannot connect: %s\", \"refused\")\n\t}()\n\t<-done\n}\n",
    );
    assert_eq!(report.kinds(), [OutcomeKind::Exit(1)]);
    assert_eq!(
        printed(&report, OutcomeKind::Exit(1)),
        ["cannot connect: refused"]
    );
}

#[test]
fn a_range_past_the_choice_bound_stops_the_search_and_says_so() {
    let source =
        "package main\n\nimport \"math/rand\"\n\nfunc main() {\n\t_ = rand.Intn(1000000)\n}\n";
    let error = common::step_error(source);
    assert!(error.contains("chooses among 1000000 values"), "{error}");
}

/// sync/atomic's Value (`model/src/stdlib/atomic_value.go`): a config swapped while another
/// goroutine loads it; Swap and CompareAndSwap return Go's values. Expected lines from
/// `go run`.
#[test]
fn atomic_value_loads_stores_swaps_and_compares() {
    let report = check(include_str!("models/stdlib/atomic_value.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    assert_eq!(printed(&report, OutcomeKind::Ok), ["true 2 true 4", "2"]);
}

#[test]
fn storing_nil_in_an_atomic_value_panics_as_go_does() {
    let report = check(
        "package main\n\nimport \"sync/atomic\"\n\nfunc main() {\n\tvar v atomic.Value\n\tv.Store(nil)\n}\n",
    );
    assert_eq!(
        common::panic_message(&report),
        "panic: sync/atomic: store of nil value into Value"
    );
}

/// `fmt.Sprintf(format, args...)`, `fmt.Printf`, `fmt.Println(args...)` and `log.Printf` with
/// forwarded operands, as logging wrappers write them, print what `go run` (Go 1.23.5) prints;
/// a forwarded slice that is not a `[]any` is go build's error (Go 1.19's wording, as gomc's
/// other type errors).
#[test]
fn forwarded_variadic_operands_print_as_go_prints_them() {
    let report = check(include_str!("models/stdlib/forwarded_args.go"));
    assert_eq!(report.kinds(), [OutcomeKind::Ok]);
    let lines: Vec<String> = printed(&report, OutcomeKind::Ok)
        .iter()
        .map(|line| line.trim_end_matches('\n').to_string())
        .collect();
    assert_eq!(
        lines,
        ["[x] n=3 s=a", "a 1 true <nil>", "[1]|\"z\"", "[1]|\"z\""]
    );
    let error = common::compile_error(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tnames := []string{\"a\"}\n\t\
         fmt.Println(names...)\n}\n",
    );
    assert_eq!(
        error.message,
        "cannot use names (variable of type []string) as type []any in argument to fmt.Println"
    );
    assert_eq!((error.line, error.col), (7, 14));
}

/// `fmt.Sprintln(args...)` with forwarded operands, as `go run` prints it: spaces between
/// every operand and a newline at the end.
#[test]
fn forwarded_operands_to_sprintln_are_spaced_and_ended_as_go_does() {
    let report = check(
        "package main\n\nimport \"fmt\"\n\nfunc line(args ...any) string { return \
         fmt.Sprintln(args...) }\n\nfunc main() {\n\tfmt.Print(line(\"a\", 1, true))\n}\n",
    );
    assert_eq!(printed(&report, OutcomeKind::Ok), ["a 1 true\n"]);
}

/// Forwarded operands (`log.Printf(format, args...)` in a model that imports log only) print
/// through their `Error`/`String` methods under the verbs valid for strings, as directly passed
/// ones do (`stdlib/fmt.go`'s printablef); they printed as their numbers and fields before.
/// `%*d` and `%.*s` take their width and precision from an operand. Expected: go run (Go
/// 1.23.5).
#[test]
fn forwarded_operands_print_through_their_methods_as_go_does() {
    let report = check(include_str!("models/stdlib/forwarded_stringers.go"));
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "busy idle 1 \"busy\" 69646c65| busy|idle  |main.state 1",
            "   3|2  |bu|code one plain",
            "busy code one 3"
        ]
    );
}

/// fmt prints a struct's exported fields through their `String`/`Error` methods (print.go's
/// printValue calls handleMethods at depth > 0): a `time.Duration` field prints as `1.5s`, not
/// as its nanoseconds; an unexported field prints as its value, a nil pointer field as
/// `<nil>`, a pointer operand as `&` and its fields so printed. Expected: go run (Go 1.23.5).
/// The elements of slices and arrays, and the values of maps, print through their `String` or
/// `Error` methods as fmt's printValue prints them at depth > 0 (`[]state{1}` is `[busy]`): a
/// pointer element too, a nil one as `<nil>`, and a nil slice of them as `[]`; `%d` prints the
/// numbers; map keys too, sorted by their values (`stdlib/fmt.go`'s keyedText; they printed
/// as `map[0:20 1:10]` before); the slices of a slice print through their elements' methods
/// (`stdlib/fmt.go`'s nestedTexts; they printed `[[1] [0 1]]` before). Expected: go run (Go
/// 1.23).
#[test]
fn slice_array_and_map_elements_print_through_their_methods() {
    let report = check(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\ntype state int\n\n\
         func (s state) String() string { return [...]string{\"idle\", \"busy\"}[s] }\n\n\
         type job struct{ id int }\n\nfunc (j *job) String() string { return fmt.Sprint(\"job\", j.id) }\n\n\
         func main() {\n\tstates := []state{1, 0}\n\tfmt.Println(states)\n\t\
         fmt.Printf(\"%v %s %d\\n\", states, states, states)\n\t\
         fmt.Println([2]state{0, 1}, []time.Duration{time.Second, 1500 * time.Millisecond})\n\t\
         fmt.Println(map[string]state{\"x\": 1, \"y\": 0}, []*job{{1}, nil})\n\t\
         var none []state\n\tfmt.Println(none, fmt.Sprint(states))\n\t\
         fmt.Println(map[state]int{1: 10, 0: 20}, [][]state{{1}, {0, 1}})\n}\n",
    );
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "[busy idle]",
            "[busy idle] [busy idle] [1 0]\n",
            "[idle busy] [1s 1.5s]",
            "map[x:busy y:idle] [job1 <nil>]",
            "[] [busy idle]",
            "map[idle:20 busy:10] [[busy] [idle busy]]",
        ]
    );
}

#[test]
fn struct_fields_print_through_their_methods_as_fmt_does() {
    let report = check(
        "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"time\"\n)\n\ntype state int\n\n\
         func (s state) String() string { return [...]string{\"idle\", \"busy\"}[s] }\n\n\
         type inner struct{ S state }\n\ntype cfg struct {\n\tTimeout time.Duration\n\t\
         S       state\n\thidden  state\n\tP       *state\n\tErr     error\n\tIn      inner\n}\n\n\
         func main() {\n\tc := cfg{Timeout: 1500 * time.Millisecond, S: 1, hidden: 1, Err: \
         errors.New(\"boom\"), In: inner{1}}\n\tfmt.Printf(\"%v\\n%+v\\n\", c, &c)\n\t\
         fmt.Println(c.In)\n}\n",
    );
    assert_eq!(
        printed(&report, OutcomeKind::Ok),
        [
            "{1.5s busy 1 <nil> boom {busy}}\n&{Timeout:1.5s S:busy hidden:1 P:<nil> Err:boom \
             In:{S:busy}}\n",
            "{busy}"
        ]
    );
}
