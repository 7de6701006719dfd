//! Schedule strings, verdicts, and the text and JSON renderings of reports built by hand
//! (independent of the interpreter), plus the end-to-end report properties that need the front
//! end and semantics. Header directives are `headers.rs`'s.

use gomc::explore::{OutcomeKind, SearchOrder, StoppedBy};
use gomc::program::Span;
use gomc::report::{
    render_json, render_text, Expectation, OutcomeReport, PanicReport, RenderOptions, Report,
    ReportStatistics, Schedule, SearchSettings, Verdict, Witness,
};
use gomc::semantics::{Choice, FrameView, GoroutineStatus, GoroutineView, Reduction, TraceStep};
use proptest::prelude::*;

fn run(goroutine: u32, alternative: u32) -> Choice {
    Choice::Run {
        goroutine,
        alternative,
    }
}

// ---------------------------------------------------------------- schedules

#[test]
fn schedule_strings_encode_goroutines_alternatives_and_timers() {
    let choices = vec![
        run(1, 0),
        run(1, 0),
        run(2, 0),
        run(3, 1),
        Choice::FireTimer { owner: 2, nth: 0 },
    ];
    let schedule = Schedule(choices.clone());
    assert_eq!(schedule.to_string(), "1,1,2,3.1,t2.0");
    assert_eq!(Schedule::parse("1,1,2,3.1,t2.0").unwrap().0, choices);
    assert_eq!(Schedule::parse(" 1, 1 ,2,3.1 , t2.0 ").unwrap().0, choices);
    assert_eq!(Schedule::parse("4.0").unwrap().0, vec![run(4, 0)]);
    assert_eq!(Schedule::parse("4.0").unwrap().to_string(), "4");
}

#[test]
fn the_empty_schedule_is_the_empty_string() {
    assert_eq!(Schedule::parse("").unwrap(), Schedule(vec![]));
    assert_eq!(Schedule::parse("  ").unwrap(), Schedule(vec![]));
    assert_eq!(Schedule(vec![]).to_string(), "");
}

#[test]
fn bad_schedule_entries_are_named_with_their_position() {
    let cases = [
        ("1,,2", 2, "", "empty entry"),
        ("1,x", 2, "x", "expected a goroutine number"),
        ("t3", 1, "t3", "a timer entry needs its index: `tO.N`"),
        ("3.", 1, "3.", "the alternative is not a number"),
        ("-1", 1, "-1", "expected a goroutine number"),
        ("1.2.3", 1, "1.2.3", "the alternative is not a number"),
        ("2,tx.1", 2, "tx.1", "the timer's goroutine is not a number"),
        ("2,t1.y", 2, "t1.y", "the timer index is not a number"),
        (
            "99999999999",
            1,
            "99999999999",
            "expected a goroutine number",
        ),
        ("1,", 2, "", "empty entry"),
    ];
    for (text, entry, written, reason) in cases {
        let error = Schedule::parse(text).unwrap_err();
        assert_eq!(
            (error.entry, error.text.as_str(), error.reason.as_str()),
            (entry, written, reason),
            "{text}"
        );
    }
    let message = Schedule::parse("1,x").unwrap_err().to_string();
    assert!(
        message.starts_with("bad schedule entry 2 `x`: expected a goroutine number"),
        "{message}"
    );
}

fn any_choice() -> impl Strategy<Value = Choice> {
    prop_oneof![
        (any::<u32>(), any::<u32>())
            .prop_map(|(goroutine, alternative)| run(goroutine, alternative)),
        (0..4u32).prop_map(|goroutine| run(goroutine, 0)),
        (any::<u32>(), any::<u32>()).prop_map(|(owner, nth)| Choice::FireTimer { owner, nth }),
    ]
}

proptest! {
    #[test]
    fn schedules_round_trip(choices in proptest::collection::vec(any_choice(), 0..20)) {
        let text = Schedule(choices.clone()).to_string();
        let parsed = Schedule::parse(&text).unwrap();
        prop_assert_eq!(&parsed.0, &choices);
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn the_parser_never_panics(text in "[0-9t., ]{0,20}") {
        if let Ok(schedule) = Schedule::parse(&text) {
            // A parsed schedule prints in canonical form, which parses to the same choices.
            prop_assert_eq!(Schedule::parse(&schedule.to_string()).unwrap(), schedule);
        }
    }
}

// ---------------------------------------------------------------- verdicts

#[test]
fn verdicts_follow_the_expectation_and_exhaustiveness() {
    use OutcomeKind::{Deadlock, Leak};
    let judge = Verdict::judge;
    // No expectation (or `none`).
    assert_eq!(judge(&[], &[], true), Verdict::Pass);
    assert_eq!(judge(&[], &[], false), Verdict::Incomplete);
    assert_eq!(judge(&[Deadlock], &[], true), Verdict::Fail);
    assert_eq!(judge(&[Deadlock], &[], false), Verdict::Fail);
    // Expecting a deadlock.
    assert_eq!(judge(&[Deadlock], &[Deadlock], true), Verdict::Pass);
    assert_eq!(judge(&[Deadlock], &[Deadlock], false), Verdict::Incomplete);
    assert_eq!(judge(&[], &[Deadlock], true), Verdict::Fail);
    assert_eq!(judge(&[], &[Deadlock], false), Verdict::Incomplete);
    assert_eq!(judge(&[Deadlock, Leak], &[Deadlock], true), Verdict::Fail);
    assert_eq!(judge(&[Deadlock], &[Deadlock, Leak], true), Verdict::Fail);
    assert_eq!(
        judge(&[Deadlock, Leak], &[Deadlock, Leak], true),
        Verdict::Pass
    );
    assert_eq!(
        [Verdict::Pass, Verdict::Fail, Verdict::Incomplete].map(Verdict::exit_code),
        [0, 1, 3]
    );
}

// ---------------------------------------------------------------- renderings

fn step(goroutine: u32, function: &str, line: u32, operation: &str) -> TraceStep {
    TraceStep {
        goroutine,
        function: function.to_string(),
        location: format!("dist_before.go:{line}"),
        span: Span::default(),
        operation: operation.to_string(),
        woke: vec![],
        started: vec![],
        output: vec![],
    }
}

fn frame(function: &str, line: u32) -> FrameView {
    FrameView {
        function: function.to_string(),
        span: Span::default(),
        location: format!("dist_before.go:{line}"),
    }
}

fn statistics() -> ReportStatistics {
    ReportStatistics {
        states: 1234,
        transitions: 2345,
        max_depth: 14,
        depth_cut: 0,
        elapsed_seconds: Some(0.5),
        states_per_second: Some(2468.0),
        bytes_per_state: Some(41.25),
        peak_memory_bytes: None,
        missed_states: None,
    }
}

fn deadlock_report() -> Report {
    let mut go = step(1, "main.main", 40, "go main.bghelper()");
    go.started = vec![2];
    let mut send = step(1, "main.bgwait", 31, "send bgwork");
    send.woke = vec![2];
    send.output = vec!["hello".to_string()];
    let trace = vec![
        go,
        step(2, "main.bghelper", 20, "recv <-bgwork: blocked"),
        send,
    ];
    let goroutines = vec![
        GoroutineView {
            id: 1,
            status: GoroutineStatus::Waiting("chan send".into()),
            frames: vec![frame("main.bgwait", 31), frame("main.main", 45)],
            created_by: None,
            creator: 0,
        },
        GoroutineView {
            id: 3,
            status: GoroutineStatus::Waiting("sync.WaitGroup.Wait".into()),
            frames: vec![frame("main.bgwait.func1", 29), frame("main.bghelper", 21)],
            created_by: Some(frame("main.bginit", 15)),
            creator: 1,
        },
    ];
    let ok_witness = Witness {
        steps: 2,
        schedule: "1,2".into(),
        initial_output: vec![],
        trace: vec![],
        goroutines: vec![],
        panic: None,
        race: None,
        replay_error: None,
        cycle_from: None,
    };
    Report {
        file: "dist_before.go".into(),
        entry: "main.main".into(),
        engine: gomc::Engine::Native,
        search: SearchSettings {
            order: SearchOrder::Bfs,
            max_states: None,
            max_depth: None,
            reduction: Reduction::NONE,
            store: gomc::explore::StateStore::Exact,
        },
        exhaustive: true,
        stopped_by: None,
        expectation: Some(Expectation {
            kinds: vec![OutcomeKind::Deadlock],
            matched: true,
        }),
        verdict: Verdict::Pass,
        violations: vec![OutcomeKind::Deadlock],
        outcomes: vec![
            OutcomeReport {
                kind: OutcomeKind::Ok,
                violation: false,
                count: 3,
                first_execution: None,
                witness: ok_witness,
            },
            OutcomeReport {
                kind: OutcomeKind::Deadlock,
                violation: true,
                count: 1,
                first_execution: None,
                witness: Witness {
                    steps: 3,
                    schedule: "1,2,1".into(),
                    initial_output: vec![],
                    trace,
                    goroutines,
                    panic: None,
                    race: None,
                    replay_error: None,
                    cycle_from: None,
                },
            },
        ],
        step_error: None,
        statistics: statistics(),
        backend: None,
        swarm: None,
        warnings: Vec::new(),
        hints: Vec::new(),
    }
}

const DEADLOCK_TEXT: &str = "\
dist_before.go: deadlock (1 of 2 outcome kinds reached is a violation; exhaustive search of 1234 states)
expected: deadlock (as expected)

deadlock: all goroutines are asleep (shortest: 3 steps; 1 distinct state)
  schedule: 1,2,1
  trace:
    1  g1  main.main      dist_before.go:40  go main.bghelper() (started g2)
    2  g2  main.bghelper  dist_before.go:20  recv <-bgwork: blocked
    3  g1  main.bgwait    dist_before.go:31  send bgwork (woke g2) [output: \"hello\"]
  goroutines:
    goroutine 1 [chan send]:
    main.bgwait()
    \tdist_before.go:31
    main.main()
    \tdist_before.go:45

    goroutine 3 [sync.WaitGroup.Wait]:
    main.bgwait.func1()
    \tdist_before.go:29
    main.bghelper()
    \tdist_before.go:21
    created by main.bginit in goroutine 1
    \tdist_before.go:15

ok: 3 states (shortest: 2 steps; schedule: 1,2)

statistics: 1234 states, 2345 transitions, max depth 14; outcomes: ok: 3, deadlock: 1; exhaustive: yes; reduction: none
";

#[test]
fn a_deadlock_renders_with_schedule_trace_and_go_style_dump() {
    let report = deadlock_report();
    assert_eq!(
        render_text(&report, &RenderOptions { timings: false }),
        DEADLOCK_TEXT
    );
    let timed = render_text(&report, &RenderOptions { timings: true });
    assert_eq!(
        timed,
        format!("{DEADLOCK_TEXT}time: 0.50 s, 2468 states/s, 41.2 bytes/state stored\n")
    );
    // With the process's peak memory measured, the real memory per state follows:
    // 2 MiB over 1234 states.
    let mut measured = report.clone();
    measured.statistics.peak_memory_bytes = Some(2 << 20);
    assert!(render_text(&measured, &RenderOptions { timings: true })
        .ends_with("41.2 bytes/state stored; peak memory 2.0 MB, 1699 bytes/state\n"));
}

#[test]
fn an_incomplete_search_says_it_is_not_a_proof() {
    let mut report = deadlock_report();
    report.outcomes.retain(|outcome| !outcome.violation);
    report.violations.clear();
    report.exhaustive = false;
    report.stopped_by = Some(StoppedBy::MaxStates);
    report.search.max_states = Some(1234);
    report.expectation = None;
    report.verdict = Verdict::Incomplete;
    let text = render_text(&report, &RenderOptions { timings: false });
    assert_eq!(
        text,
        "dist_before.go: search NOT exhaustive: no violation found within 1234 states; the search \
         was stopped by --max-states, so this is not a proof\n\nok: 3 states (shortest: 2 steps; \
         schedule: 1,2)\n\nstatistics: 1234 states, 2345 transitions, max depth 14; outcomes: ok: \
         3; exhaustive: no (stopped by --max-states); reduction: none\n"
    );
}

#[test]
fn a_violation_in_an_incomplete_search_says_others_may_exist() {
    let mut report = deadlock_report();
    report.exhaustive = false;
    report.stopped_by = Some(StoppedBy::MaxDepth);
    report.expectation = Some(Expectation {
        kinds: vec![],
        matched: false,
    });
    report.verdict = Verdict::Fail;
    let text = render_text(&report, &RenderOptions { timings: false });
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "dist_before.go: deadlock found; the search was NOT exhaustive (stopped by --max-depth \
         after 1234 states), so other violations may exist"
    );
    assert_eq!(
        lines.next().unwrap(),
        "expected: none (MISMATCH: found deadlock)"
    );
}

#[test]
fn a_panic_prints_go_panic_line_and_a_leak_counts_blocked_goroutines() {
    let mut report = deadlock_report();
    let mut witness = report.outcomes[1].witness.clone();
    witness.panic = Some(PanicReport {
        goroutine: 2,
        message: "panic: send on closed channel".into(),
    });
    report.outcomes[1] = OutcomeReport {
        kind: OutcomeKind::Panic,
        violation: true,
        count: 2,
        first_execution: None,
        witness: witness.clone(),
    };
    witness.panic = None;
    report.outcomes.push(OutcomeReport {
        kind: OutcomeKind::Leak,
        violation: true,
        count: 1,
        first_execution: None,
        witness,
    });
    report.violations = vec![OutcomeKind::Leak, OutcomeKind::Panic];
    report.entry = "main.TestParentRun".into();
    let text = render_text(&report, &RenderOptions { timings: false });
    assert!(
        text.contains(
            "\npanic: unrecovered panic in goroutine 2 (shortest: 3 steps; 2 distinct states)\n  \
         panic: send on closed channel\n  schedule: 1,2,1\n"
        ),
        "{text}"
    );
    assert!(text.contains(
        "\ngoroutine leak: 2 goroutines still blocked after TestParentRun returned (shortest: 3 \
         steps; 1 distinct state)\n"
    ), "{text}");
}

#[test]
fn json_keeps_field_order_and_leaves_timings_out_unless_asked() {
    let report = deadlock_report();
    let json = render_json(&report, &RenderOptions { timings: false });
    let keys = [
        "\"version\": 1",
        "\"file\"",
        "\"entry\"",
        "\"search\"",
        "\"exhaustive\"",
        "\"stopped_by\"",
        "\"expectation\"",
        "\"verdict\": \"pass\"",
        "\"violations\"",
        "\"outcomes\"",
        "\"step_error\"",
        "\"statistics\"",
    ];
    let positions: Vec<usize> = keys.iter().map(|key| json.find(key).expect(key)).collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{json}");
    assert!(!json.contains("elapsed_seconds"));
    assert!(json.contains("\"kind\": \"deadlock\""));
    assert!(json.contains("\"reason\": \"chan send\""));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["outcomes"][1]["witness"]["schedule"], "1,2,1");
    assert_eq!(value["outcomes"][1]["witness"]["trace"][0]["started"][0], 2);
    assert_eq!(value["violations"][0], "deadlock");
    let timed = render_json(&report, &RenderOptions { timings: true });
    let value: serde_json::Value = serde_json::from_str(&timed).unwrap();
    assert_eq!(value["statistics"]["elapsed_seconds"], 0.5);
}

// ---------------------------------------------------------------- end to end

/// A send nobody receives (also the source text of `report_hand_built.rs`'s program).
const UNBUFFERED_SEND: &str = include_str!("models/report/unbuffered_send.go");

const PING_PONG: &str = "\
// gomc:expect none
package main

func main() {
\tping := make(chan int)
\tpong := make(chan int)
\tgo func() {
\t\tv := <-ping
\t\tpong <- v + 1
\t}()
\tping <- 1
\t<-pong
}
";

#[test]
fn end_to_end_unbuffered_send_without_receiver_deadlocks() {
    let report = gomc::check_source("send.go", UNBUFFERED_SEND, &gomc::Config::new()).unwrap();
    assert_eq!(report.violations, vec![OutcomeKind::Deadlock]);
    assert!(report.exhaustive);
    assert_eq!(report.verdict, Verdict::Pass);
    let deadlock = report.outcome(OutcomeKind::Deadlock).unwrap();
    assert_eq!(deadlock.witness.goroutines.len(), 1);
    assert_eq!(
        deadlock.witness.goroutines[0].status,
        GoroutineStatus::Waiting("chan send".into())
    );
    let text = render_text(&report, &RenderOptions { timings: false });
    assert!(
        text.contains("goroutine 1 [chan send]:\n    main.main()\n    \tsend.go:6\n"),
        "{text}"
    );
}

#[test]
fn end_to_end_ping_pong_passes() {
    let report = gomc::check_source("pingpong.go", PING_PONG, &gomc::Config::new()).unwrap();
    assert!(report.violations.is_empty());
    assert!(report.exhaustive);
    assert_eq!(report.kinds(), vec![OutcomeKind::Ok]);
    assert_eq!(report.exit_code(), 0);
}

#[test]
fn end_to_end_every_witness_replays_to_the_identical_trace() {
    for (name, text) in [("send.go", UNBUFFERED_SEND), ("pingpong.go", PING_PONG)] {
        let config = gomc::Config::new();
        let report = gomc::check_source(name, text, &config).unwrap();
        assert!(!report.outcomes.is_empty());
        for outcome in &report.outcomes {
            let witness = &outcome.witness;
            assert_eq!(witness.replay_error, None);
            let replayed = gomc::replay(name, text, &config, &witness.schedule).unwrap();
            assert_eq!(
                replayed.trace,
                witness.trace,
                "{name}: {}",
                outcome.kind.name()
            );
            assert_eq!(replayed.goroutines, witness.goroutines);
            assert_eq!(replayed.outcome, Some(outcome.kind));
        }
    }
}

#[test]
fn end_to_end_replay_rejects_a_choice_that_is_not_enabled() {
    let error = gomc::replay("send.go", UNBUFFERED_SEND, &gomc::Config::new(), "7").unwrap_err();
    match error {
        gomc::ReplayError::NotEnabled {
            step,
            choice,
            enabled,
            ..
        } => {
            assert_eq!((step, choice.as_str()), (1, "7"));
            assert_eq!(enabled, vec!["1".to_string()]);
        }
        other => panic!("expected NotEnabled, got {other}"),
    }
}

#[test]
fn end_to_end_max_states_makes_the_check_incomplete() {
    let config = gomc::Config::new().max_states(1);
    let report = gomc::check_source("pingpong.go", PING_PONG, &config).unwrap();
    assert!(!report.exhaustive);
    assert_eq!(report.stopped_by, Some(StoppedBy::MaxStates));
    assert_eq!(report.verdict, Verdict::Incomplete);
    assert_eq!(report.exit_code(), 3);
}
