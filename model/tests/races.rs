//! Known-answer tests of race mode (`--races`, `// gomc:races`, `Config::races`): programs
//! with a data race, where the race and the lost update it allows must both be found, and
//! race-free programs that order their accesses with each sync primitive, a channel or an
//! atomic, where race mode must report nothing.
//!
//! How to count in race mode: besides synchronization operations, every access to memory that
//! another live goroutine can reach (a package-level variable, a captured variable, a heap
//! object reachable from another goroutine) is a scheduling point of its own. A state in which
//! two goroutines stand at conflicting accesses to one location is counted under `race` and
//! still explored.

mod common;

use common::{assert_space, check_races_with};
use gomc::explore::OutcomeKind::{self, Ok, Panic, Race};
use gomc::semantics::{RaceView, Reduction};
use gomc::{check_source, replay, Config, Report};

fn check_races(source: &str) -> Report {
    check_races_with(source, Reduction::ALL)
}

/// The full state space, whose counts the known-answer tests pin (the symmetry reduction
/// merges the two incrementing goroutines' mirror-image states).
fn check_races_unreduced(source: &str) -> Report {
    check_races_with(source, Reduction::NONE)
}

fn kinds(report: &Report) -> Vec<OutcomeKind> {
    report.kinds()
}

/// The race of the shortest race witness.
fn race(report: &Report) -> RaceView {
    report
        .outcome(Race)
        .expect("a race")
        .witness
        .race
        .clone()
        .expect("race details")
}

/// Two goroutines increment `n` without a lock, then main checks for a lost update.
const COUNTER: &str = include_str!("models/racy_counter.go");

/// The classic: `n++` from two goroutines is a read and a write of `n` each. The race is
/// reached first (4 steps: both goroutines stand at `n++`, one about to write), and because
/// the search goes on past it, the lost update shows as the model's panic too.
#[test]
fn unsynchronized_counter_races_and_loses_an_update() {
    let report = check_races_unreduced(COUNTER);
    // Among the 57: main woken from `wg.Wait()` but not yet returned, once with n = 2 and
    // once with the lost update (returning from a woken Wait is a step: semantics/waitgroup.rs).
    assert_space(&report, &[(Ok, 1), (Panic, 1), (Race, 6)], 57, 104);
    let reduced = check_races(COUNTER);
    assert_eq!(kinds(&reduced), [Ok, Panic, Race]);
    assert!(reduced.statistics.states < 57);
    let race = race(&report);
    assert_eq!(race.first.location, "n");
    assert_eq!(race.second.location, "n");
    assert_eq!((race.first.goroutine, race.second.goroutine), (2, 3));
    assert_eq!(
        [race.first.kind, race.second.kind],
        ["write", "read"],
        "g2 has read n and is about to write it; g3 is about to read it"
    );
    assert_eq!(report.outcome(Race).unwrap().witness.steps, 4);
    assert_eq!(
        race.to_string(),
        "data race on n: goroutine 2 writes n at race.go:12 (main.main.func1); \
         goroutine 3 reads n at race.go:12 (main.main.func1)"
    );
}

/// The same program without race mode: one merged step per `n++`, no race, no lost update
/// (see `fixme_unsynchronized_counter_is_not_reported_without_race_mode` in semantics.rs).
#[test]
fn the_counter_is_race_free_to_the_default_mode() {
    let config = Config::new().reduction(Reduction::NONE);
    let report = check_source("race.go", COUNTER, &config).unwrap();
    // Among the 13: main woken from `wg.Wait()` but not yet returned.
    assert_space(&report, &[(Ok, 1)], 13, 18);
}

/// `// gomc:races` in the header turns race mode on, like `Config::races(true)`.
#[test]
fn the_header_directive_turns_race_mode_on() {
    let source = format!("// gomc:races\n// gomc:expect race, panic\n{COUNTER}");
    let report = check_source("race.go", &source, &Config::new()).unwrap();
    assert_eq!(kinds(&report), [Ok, Panic, Race]);
    assert_eq!(report.expectation.as_ref().map(|e| e.matched), Some(true));
}

/// A race witness replays to the same state, which `replay` reports as a race with the same
/// accesses (the state can still go on).
#[test]
fn a_race_witness_replays() {
    let report = check_races(COUNTER);
    let witness = &report.outcome(Race).unwrap().witness;
    let config = Config::new().races(true);
    let replayed = replay("race.go", COUNTER, &config, &witness.schedule).unwrap();
    assert_eq!(replayed.outcome, Some(Race));
    assert_eq!(replayed.race, witness.race);
    assert_eq!(replayed.trace, witness.trace);
    assert!(!replayed.enabled.is_empty());
}

/// Two appends to one package-level slice: each reads the slice header, appends, and writes
/// the header back, so one append can be lost.
#[test]
fn concurrent_appends_race_and_lose_an_element() {
    let report = check_races(
        "package main

import \"sync\"

var handlers []string

func register(name string, wg *sync.WaitGroup) {
	handlers = append(handlers, name)
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go register(\"a\", &wg)
	go register(\"b\", &wg)
	wg.Wait()
	if len(handlers) != 2 {
		panic(\"lost handler\")
	}
}
",
    );
    assert_eq!(kinds(&report), [Ok, Panic, Race]);
    let race = race(&report);
    assert_eq!(race.first.location, "handlers");
    assert_eq!(race.first.function, "main.register");
}

/// Appends into spare capacity of a shared backing array write the same element.
#[test]
fn appends_in_place_through_two_slice_headers_race_on_the_element() {
    let report = check_races(
        "package main

func main() {
	base := make([]int, 0, 4)
	done := make(chan bool)
	go func() {
		a := append(base, 1)
		_ = a
		done <- true
	}()
	b := append(base, 2)
	_ = b
	<-done
}
",
    );
    assert_eq!(kinds(&report), [Ok, Race]);
    assert_eq!(race(&report).first.kind, "write");
    assert_eq!(race(&report).second.kind, "write");
}

const SELECT: &str = "package main

var x int

func main() {
	ready := make(chan bool, 1)
	done := make(chan bool)
	go func() {
		select {
		case <-ready:
			x = 2
		default:
			x = 3
		}
		done <- true
	}()
	x = 1
	ready <- true
	<-done
	println(x)
}
";

/// A race on one path only: the receive case is ordered after main's write by the channel,
/// the `default` case is not.
#[test]
fn a_race_on_the_default_path_of_a_select_only() {
    let report = check_races(SELECT);
    assert_eq!(kinds(&report), [Ok, Race]);
    let witness = &report.outcome(Race).unwrap().witness;
    assert!(
        witness
            .trace
            .iter()
            .any(|step| step.operation == "select: default"),
        "the race follows the default case: {:#?}",
        witness.trace
    );
    let race = race(&report);
    assert_eq!(race.first.location, "x");
    assert_eq!([race.first.kind, race.second.kind], ["write", "write"]);
    let without_default = SELECT.replace("\t\tdefault:\n\t\t\tx = 3\n", "");
    assert_eq!(kinds(&check_races(&without_default)), [Ok]);
}

/// Struct fields are separate locations: two goroutines writing different fields of one
/// struct through a pointer do not race, and the writes are not lost.
#[test]
fn different_fields_of_a_shared_struct_do_not_race() {
    let report = check_races(
        "package main

type builder struct {
	workDir string
	status  int
}

func main() {
	b := &builder{}
	done := make(chan bool)
	go func() {
		b.workDir = \"/tmp/x\"
		done <- true
	}()
	b.status = 1
	<-done
	if b.workDir != \"/tmp/x\" || b.status != 1 {
		panic(\"lost field write\")
	}
}
",
    );
    assert_eq!(kinds(&report), [Ok]);
}

/// ...while the same field does race, and is named as the model spells it.
#[test]
fn the_same_field_races_under_its_model_name() {
    let report = check_races(
        "package main

type builder struct {
	workDir string
}

func main() {
	b := &builder{}
	done := make(chan bool)
	go func() {
		b.workDir = \"\"
		done <- true
	}()
	println(b.workDir)
	<-done
}
",
    );
    assert_eq!(kinds(&report), [Ok, Race]);
    let race = race(&report);
    assert_eq!(
        (race.first.location.as_str(), race.second.location.as_str()),
        ("b.workDir", "b.workDir")
    );
}

/// Different elements of one slice are different locations.
#[test]
fn different_slice_elements_do_not_race() {
    let report = check_races(
        "package main

import \"sync\"

func main() {
	results := make([]int, 2)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			results[i] = i + 1
			wg.Done()
		}()
	}
	wg.Wait()
	if results[0]+results[1] != 3 {
		panic(\"lost result\")
	}
}
",
    );
    assert_eq!(kinds(&report), [Ok]);
}

/// Concurrent map writes race (the map is one location, as for Go's race detector).
#[test]
fn concurrent_map_writes_race() {
    let report = check_races(
        "package main

func main() {
	m := map[string]int{}
	done := make(chan bool)
	go func() {
		m[\"a\"] = 1
		done <- true
	}()
	m[\"b\"] = 2
	<-done
}
",
    );
    assert_eq!(kinds(&report), [Ok, Race]);
    assert_eq!(race(&report).first.location, "m[\"b\"]");
}

/// Objects only one goroutine can reach are not scheduling points: a program whose goroutines
/// work on their own data has the same state space in both modes.
#[test]
fn goroutine_local_data_adds_no_states() {
    let source = "package main

type job struct{ items []int }

func work(out chan int) {
	j := &job{}
	for i := 0; i < 3; i++ {
		j.items = append(j.items, i)
	}
	out <- len(j.items)
}

func main() {
	out := make(chan int)
	go work(out)
	go work(out)
	println(<-out + <-out)
}
";
    let with = check_races(source);
    let without = check_source("race.go", source, &Config::new()).unwrap();
    assert_eq!(kinds(&with), [Ok]);
    assert_eq!(with.statistics.states, without.statistics.states);
}

/// The classic hand-rolled wait: main spins on a flag another goroutine sets. The default mode
/// cannot check it (the loop never synchronizes) and says to use race mode; race mode makes
/// each read of the flag a step, so the search is finite and exhaustive, and reports the race
/// on `done` (2 steps: g2 stands at its write of `done` after writing `data`, main at its read).
#[test]
fn a_spin_on_a_flag_is_a_step_error_by_default_and_a_race_in_race_mode() {
    const SPIN: &str = "package main

var done bool
var data int

func main() {
	go func() {
		data = 42
		done = true
	}()
	for !done {
	}
	if data != 42 {
		panic(\"stale data\")
	}
}
";
    let default = check_source("race.go", SPIN, &Config::new()).unwrap();
    let error = default.step_error.as_ref().expect("a step error");
    assert!(
        error.message.contains("check with --races"),
        "{}",
        error.message
    );
    assert!(!default.exhaustive);
    let report = check_races(SPIN);
    assert_eq!(kinds(&report), [Ok, Race]);
    let race = race(&report);
    assert_eq!(race.first.location, "done");
    assert_eq!(race.second.location, "done");
    assert_eq!(report.outcome(Race).unwrap().witness.steps, 2);
}
