//! The `hang` outcome on Go programs: a reachable state from which the program can never
//! finish. Each model is a shape of hang reported in practice, next to the same code when it can
//! finish. State counts are worked out by hand where the model is small enough (see the counting
//! rule at the top of `semantics.rs`).

use gomc::explore::{OutcomeKind, StoppedBy};
use gomc::{check_source, replay, Config, Report};

fn check(source: &str) -> Report {
    check_with(source, &Config::new())
}

fn check_with(source: &str, config: &Config) -> Report {
    check_source("hang.go", source, config)
        .unwrap_or_else(|error| panic!("model does not compile:\n{error}"))
}

fn kinds(report: &Report) -> Vec<OutcomeKind> {
    report.outcomes.iter().map(|outcome| outcome.kind).collect()
}

/// The hang's witness really ends on a cycle: replaying the steps before the cycle and the whole
/// witness ends in states with the same goroutines, stacks and number of enabled choices.
fn assert_witness_ends_on_a_cycle(source: &str, report: &Report) {
    let witness = &report.outcome(OutcomeKind::Hang).expect("a hang").witness;
    let from = witness.cycle_from.expect("a hang witness names its cycle");
    assert!(
        (1..=witness.steps).contains(&from),
        "cycle from step {from}"
    );
    let choices: Vec<&str> = witness.schedule.split(',').collect();
    assert_eq!(choices.len(), witness.steps);
    let run = |steps: &[&str]| {
        replay("hang.go", source, &Config::new(), &steps.join(","))
            .unwrap_or_else(|error| panic!("the witness replays: {error}"))
    };
    let before_cycle = run(&choices[..from - 1]);
    let after_cycle = run(&choices);
    assert_eq!(before_cycle.outcome, None, "a state in a hang can go on");
    assert_eq!(after_cycle.goroutines, before_cycle.goroutines);
    // Timers are numbered as created, so a fresh timer in the same place has another name in
    // the schedule although the canonical states are equal: compare how many choices there are.
    assert_eq!(after_cycle.enabled.len(), before_cycle.enabled.len());
}

/// Polls a flag under a mutex, sleeping between looks; nobody ever sets the flag. `go run`
/// never returns.
const POLL_NEVER_SET: &str = "\
package main

import (
\t\"sync\"
\t\"time\"
)

func main() {
\tvar mu sync.Mutex
\tdone := false
\tfor {
\t\tmu.Lock()
\t\td := done
\t\tmu.Unlock()
\t\tif d {
\t\t\treturn
\t\t}
\t\ttime.Sleep(time.Millisecond)
\t}
}
";

#[test]
fn a_polling_loop_on_a_flag_never_set_is_a_hang() {
    let report = check(POLL_NEVER_SET);
    // By hand: s0 g1 at `Lock` (d unset); s1 at `Unlock` (mu held, d false); s2 at `Sleep`;
    // s3 at `Lock` with d false; `Lock` from s3 leads back to s1. Four states, four transitions,
    // and none of them can reach an end.
    assert!(report.exhaustive);
    assert_eq!(report.statistics.states, 4);
    assert_eq!(report.statistics.transitions, 4);
    assert_eq!(kinds(&report), [OutcomeKind::Hang]);
    let hang = report.outcome(OutcomeKind::Hang).unwrap();
    assert_eq!(hang.count, 4);
    // The way in is empty (s0 already cannot end); the walk s0 → s1 → s2 → s3 → s1 closes the
    // cycle at step 2.
    assert_eq!(hang.witness.steps, 4);
    assert_eq!(hang.witness.cycle_from, Some(2));
    assert_witness_ends_on_a_cycle(POLL_NEVER_SET, &report);
    assert_eq!(report.verdict, gomc::report::Verdict::Fail);
}

#[test]
fn the_same_polling_loop_ends_when_another_goroutine_sets_the_flag() {
    let source = POLL_NEVER_SET.replace(
        "\tdone := false\n",
        "\tdone := false\n\tgo func() {\n\t\tmu.Lock()\n\t\tdone = true\n\t\tmu.Unlock()\n\t}()\n",
    );
    let report = check(&source);
    // The poller may spin any number of times before the setter runs, but from every state a
    // schedule that lets the setter run reaches the end: no hang.
    assert!(report.exhaustive);
    assert_eq!(kinds(&report), [OutcomeKind::Ok]);
}

/// A ticker-style loop with no stop condition: every turn waits for a fresh timer.
const TICKER_FOREVER: &str = "\
package main

import \"time\"

func main() {
\tfor {
\t\tselect {
\t\tcase <-time.After(time.Second):
\t\t\tprintln(\"tick\")
\t\t}
\t}
}
";

#[test]
fn a_ticker_loop_without_a_stop_condition_is_a_hang() {
    let report = check(TICKER_FOREVER);
    assert!(report.exhaustive);
    assert_eq!(kinds(&report), [OutcomeKind::Hang]);
    assert_witness_ends_on_a_cycle(TICKER_FOREVER, &report);
}

#[test]
fn the_ticker_loop_with_a_stop_channel_that_is_closed_ends() {
    let source = TICKER_FOREVER
        .replace(
            "\tfor {\n",
            "\tstop := make(chan struct{})\n\tgo func() { close(stop) }()\n\tfor {\n",
        )
        .replace(
            "\t\t\tprintln(\"tick\")\n",
            "\t\t\tprintln(\"tick\")\n\t\tcase <-stop:\n\t\t\treturn\n",
        );
    let report = check(&source);
    assert!(report.exhaustive);
    assert_eq!(kinds(&report), [OutcomeKind::Ok]);
}

/// Two workers each hold their own lock and retry the other's with `TryLock`, never backing
/// off. If both get their first lock, both spin forever: a livelock (Go reports no deadlock,
/// since both goroutines keep running). If one gets both first, the program ends.
const LIVELOCK: &str = "\
package main

import (
\t\"runtime\"
\t\"sync\"
)

func main() {
\tvar a, b sync.Mutex
\tvar wg sync.WaitGroup
\tworker := func(first, second *sync.Mutex) {
\t\tdefer wg.Done()
\t\tfirst.Lock()
\t\tfor !second.TryLock() {
\t\t\truntime.Gosched()
\t\t}
\t\tsecond.Unlock()
\t\tfirst.Unlock()
\t}
\twg.Add(2)
\tgo worker(&a, &b)
\tgo worker(&b, &a)
\twg.Wait()
}
";

#[test]
fn a_livelock_of_two_retrying_goroutines_is_a_hang_and_the_lucky_schedule_ends() {
    let report = check(LIVELOCK);
    assert!(report.exhaustive);
    assert_eq!(kinds(&report), [OutcomeKind::Ok, OutcomeKind::Hang]);
    let hang = &report.outcome(OutcomeKind::Hang).unwrap().witness;
    // The way in: main starts both workers and each takes its first lock.
    let trace: Vec<&str> = hang
        .trace
        .iter()
        .map(|step| step.operation.as_str())
        .collect();
    assert_eq!(
        trace
            .iter()
            .filter(|op| op.starts_with("lock first"))
            .count(),
        2,
        "{trace:?}"
    );
    assert_witness_ends_on_a_cycle(LIVELOCK, &report);
}

#[test]
fn the_livelock_with_a_back_off_can_always_finish() {
    // Releasing the first lock before retrying lets the other worker through on some schedule.
    let source = LIVELOCK.replace(
        "\t\tfor !second.TryLock() {\n\t\t\truntime.Gosched()\n\t\t}\n",
        "\t\tfor !second.TryLock() {\n\t\t\tfirst.Unlock()\n\t\t\truntime.Gosched()\n\t\t\tfirst.Lock()\n\t\t}\n",
    );
    let report = check(&source);
    assert!(report.exhaustive);
    assert_eq!(kinds(&report), [OutcomeKind::Ok]);
}

#[test]
fn depth_first_search_finds_the_same_hang() {
    let config = Config::new().search(gomc::explore::SearchOrder::Dfs);
    for source in [POLL_NEVER_SET, TICKER_FOREVER, LIVELOCK] {
        let by_dfs = check_with(source, &config);
        assert_eq!(kinds(&by_dfs), kinds(&check(source)));
        assert_eq!(
            by_dfs.outcome(OutcomeKind::Hang).unwrap().count,
            check(source).outcome(OutcomeKind::Hang).unwrap().count
        );
    }
}

#[test]
fn a_search_stopped_by_a_bound_does_not_conclude_hang() {
    let report = check_with(POLL_NEVER_SET, &Config::new().max_states(2));
    assert!(!report.exhaustive);
    assert_eq!(report.stopped_by, Some(StoppedBy::MaxStates));
    assert!(kinds(&report).is_empty());
}

#[test]
fn the_header_can_expect_a_hang() {
    let source = format!("// gomc:expect hang\n{POLL_NEVER_SET}");
    let report = check(&source);
    assert_eq!(report.verdict, gomc::report::Verdict::Pass);
}

#[cfg(feature = "shuttle")]
#[test]
fn shuttle_cuts_endless_runs_and_never_claims_a_proof() {
    let config = Config::new()
        .engine(gomc::Engine::Shuttle)
        .scheduler(gomc::Scheduler::Random)
        .iterations(20)
        .max_depth(200);
    let report = check_with(POLL_NEVER_SET, &config);
    assert!(!report.exhaustive);
    assert!(kinds(&report).is_empty());
    let text = gomc::render_text(&report, &gomc::RenderOptions::default());
    assert!(
        text.contains("a run that never ends may be a hang, which only the native engine decides"),
        "{text}"
    );
}
