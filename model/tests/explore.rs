//! Known-answer tests of the native explorer on tiny hand-made state machines, with state and
//! transition counts worked out by hand.

mod explore_support;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};

use explore_support::*;
use gomc::explore::{
    explore, Fingerprint, Model, OutcomeKind, SearchOptions, StateStatus, StepError, StoppedBy,
};

#[test]
fn diamond_has_four_states_and_four_transitions() {
    // 0 → 1 → 3, 0 → 2 → 3: node 3 is reached twice but is one state, one `ok`.
    let graph = Graph::new(&[(0, &[1, 2]), (1, &[3]), (2, &[3])]);
    for options in [bfs(), dfs()] {
        let result = explore(&graph, options);
        assert_eq!(result.statistics.states, 4);
        assert_eq!(result.statistics.transitions, 4);
        assert_eq!(result.statistics.max_depth, 2);
        assert!(result.exhaustive);
        assert_eq!(result.stopped_by, None);
        assert!(result.step_error.is_none());
        assert_eq!(
            outcomes(&result.outcomes),
            vec![(OutcomeKind::Ok, 1, vec![1, 3])]
        );
    }
}

/// 0 → {1, 2}; 1 → {3, 8}; 3 → 4 (deadlock, depth 3); 8 ok (depth 2); 2 → 5 (deadlock, depth 2).
fn two_kinds() -> Graph {
    Graph::new(&[(0, &[1, 2]), (1, &[3, 8]), (3, &[4]), (2, &[5])])
        .end(4, OutcomeKind::Deadlock)
        .end(5, OutcomeKind::Deadlock)
}

#[test]
fn bfs_returns_the_shortest_witness_of_each_kind() {
    let result = explore(&two_kinds(), bfs());
    assert_eq!(result.statistics.states, 7);
    assert_eq!(result.statistics.transitions, 6);
    assert_eq!(result.statistics.max_depth, 3);
    assert!(result.exhaustive);
    assert_eq!(
        outcomes(&result.outcomes),
        vec![
            (OutcomeKind::Ok, 1, vec![1, 8]),
            (OutcomeKind::Deadlock, 2, vec![2, 5])
        ]
    );
}

#[test]
fn dfs_follows_the_first_choice_first() {
    let result = explore(&two_kinds(), dfs());
    assert_eq!(result.statistics.states, 7);
    assert_eq!(result.statistics.transitions, 6);
    assert!(result.exhaustive);
    assert_eq!(
        outcomes(&result.outcomes),
        vec![
            (OutcomeKind::Ok, 1, vec![1, 8]),
            (OutcomeKind::Deadlock, 2, vec![1, 3, 4])
        ]
    );
}

#[test]
fn outcome_kinds_are_listed_in_kind_order() {
    let graph = Graph::new(&[(0, &[1, 2, 3, 4])])
        .end(1, OutcomeKind::Panic)
        .end(2, OutcomeKind::Exit(3))
        .end(3, OutcomeKind::Leak)
        .end(4, OutcomeKind::Exit(1));
    let result = explore(&graph, bfs());
    let kinds: Vec<_> = result.outcomes.keys().copied().collect();
    assert_eq!(
        kinds,
        vec![
            OutcomeKind::Exit(1),
            OutcomeKind::Exit(3),
            OutcomeKind::Leak,
            OutcomeKind::Panic
        ]
    );
}

#[test]
fn a_cycle_terminates_and_counts_each_state_once() {
    // 0 → 1; 1 → {1, 2} (a self-loop); 2 → {0, 3}; 3 ok.
    let graph = Graph::new(&[(0, &[1]), (1, &[1, 2]), (2, &[0, 3])]);
    for options in [bfs(), dfs()] {
        let result = explore(&graph, options);
        assert_eq!(result.statistics.states, 4);
        assert_eq!(result.statistics.transitions, 5);
        assert_eq!(result.statistics.max_depth, 3);
        assert!(result.exhaustive);
        assert_eq!(
            outcomes(&result.outcomes),
            vec![(OutcomeKind::Ok, 1, vec![1, 2, 3])]
        );
    }
}

#[test]
fn a_cycle_without_an_end_is_a_hang_of_every_state() {
    // Before the `hang` outcome this graph reported no outcome at all: a clean verdict for a
    // program that never finishes.
    let graph = Graph::new(&[(0, &[1]), (1, &[0])]);
    let result = explore(&graph, bfs());
    assert_eq!(result.statistics.states, 2);
    assert_eq!(result.statistics.transitions, 2);
    assert!(result.exhaustive);
    let hang = &result.outcomes[&OutcomeKind::Hang];
    assert_eq!((hang.count, hang.witness.clone()), (2, vec![1, 0]));
    assert_eq!(hang.cycle_start, Some(0));
    assert_eq!(result.outcomes.len(), 1);
}

#[test]
fn a_step_error_stops_the_search_with_its_witness() {
    // 0 → {1, 2}; 1 → 3 fails; 2 → 4 is never taken.
    let graph = Graph::new(&[(0, &[1, 2]), (1, &[3]), (2, &[4])]).fail(1, 3);
    let result = explore(&graph, bfs());
    assert_eq!(result.statistics.states, 3);
    assert_eq!(result.statistics.transitions, 3);
    assert!(!result.exhaustive);
    assert_eq!(result.stopped_by, Some(StoppedBy::StepError));
    let failure = result.step_error.expect("a step error");
    assert_eq!(failure.error.message, "cannot step 1 -> 3");
    assert_eq!(failure.witness, vec![1]);
    assert_eq!(failure.choice, Some(3));
    assert!(result.outcomes.is_empty());
}

#[test]
fn a_broken_initial_state_is_a_step_error() {
    let graph = Graph {
        broken: true,
        ..Graph::chain(3)
    };
    let result = explore(&graph, bfs());
    assert_eq!(result.statistics.states, 0);
    assert_eq!(result.stopped_by, Some(StoppedBy::StepError));
    assert!(!result.exhaustive);
    let failure = result.step_error.expect("a step error");
    assert_eq!(failure.witness, Vec::<u32>::new());
    assert_eq!(failure.choice, None);
}

#[test]
fn max_states_stops_the_search_and_it_is_not_exhaustive() {
    let options = SearchOptions {
        max_states: Some(5),
        ..bfs()
    };
    let result = explore(&Graph::chain(9), options);
    assert_eq!(result.statistics.states, 5);
    assert_eq!(result.statistics.transitions, 5);
    assert!(!result.exhaustive);
    assert_eq!(result.stopped_by, Some(StoppedBy::MaxStates));
    assert!(result.outcomes.is_empty());
}

#[test]
fn max_states_equal_to_the_state_count_is_exhaustive() {
    let options = SearchOptions {
        max_states: Some(10),
        ..bfs()
    };
    let result = explore(&Graph::chain(9), options);
    assert_eq!(result.statistics.states, 10);
    assert!(result.exhaustive);
    assert_eq!(
        outcomes(&result.outcomes),
        vec![(OutcomeKind::Ok, 1, (1..=9).collect())]
    );
}

#[test]
fn max_depth_cuts_running_states_and_is_not_exhaustive() {
    let options = SearchOptions {
        max_depth: Some(3),
        ..bfs()
    };
    let result = explore(&Graph::chain(9), options);
    assert_eq!(result.statistics.states, 4);
    assert_eq!(result.statistics.transitions, 3);
    assert_eq!(result.statistics.max_depth, 3);
    assert_eq!(result.statistics.depth_cut, 1);
    assert!(!result.exhaustive);
    assert_eq!(result.stopped_by, Some(StoppedBy::MaxDepth));
}

#[test]
fn an_ended_state_at_the_depth_bound_is_not_cut() {
    // State 9 lies at depth 9 and has ended: nothing is left unexpanded.
    let options = SearchOptions {
        max_depth: Some(9),
        ..bfs()
    };
    let result = explore(&Graph::chain(9), options);
    assert_eq!(result.statistics.states, 10);
    assert_eq!(result.statistics.depth_cut, 0);
    assert!(result.exhaustive);
    // One less and state 8 (running) is cut.
    let options = SearchOptions {
        max_depth: Some(8),
        ..bfs()
    };
    let result = explore(&Graph::chain(9), options);
    assert_eq!(result.statistics.states, 9);
    assert_eq!(result.stopped_by, Some(StoppedBy::MaxDepth));
}

/// Two counters, each incremented up to `limit`; ends `ok` when both reach it.
struct Lattice {
    limit: u32,
}

impl Model for Lattice {
    type State = (u32, u32);
    type Choice = u8;
    // The states are small values: the frontier holds them as they are.
    type Packed = (u32, u32);

    fn pack(&self, state: (u32, u32), _compact: bool) -> (u32, u32) {
        state
    }

    fn unpack(&self, packed: (u32, u32)) -> (u32, u32) {
        packed
    }

    fn initial(&self) -> Result<(u32, u32), StepError> {
        Ok((0, 0))
    }

    fn choices(&self, state: &(u32, u32), out: &mut Vec<u8>) {
        if state.0 < self.limit {
            out.push(0);
        }
        if state.1 < self.limit {
            out.push(1);
        }
    }

    fn step(&self, state: &(u32, u32), choice: u8) -> Result<(u32, u32), StepError> {
        Ok(if choice == 0 {
            (state.0 + 1, state.1)
        } else {
            (state.0, state.1 + 1)
        })
    }

    fn fingerprint(&self, state: &(u32, u32)) -> Fingerprint {
        (u128::from(state.0) << 64 | u128::from(state.1)).wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn status(&self, state: &(u32, u32)) -> StateStatus {
        if *state == (self.limit, self.limit) {
            StateStatus::Ended(OutcomeKind::Ok)
        } else {
            StateStatus::Running
        }
    }
}

#[test]
fn lattice_counts_are_exact_in_both_orders() {
    // (N+1)² states and 2·N·(N+1) transitions.
    for options in [bfs(), dfs()] {
        let result = explore(&Lattice { limit: 3 }, options);
        assert_eq!(result.statistics.states, 16);
        assert_eq!(result.statistics.transitions, 24);
        assert_eq!(result.statistics.max_depth, 6);
        assert!(result.exhaustive);
        assert_eq!(result.outcomes[&OutcomeKind::Ok].count, 1);
        assert_eq!(result.outcomes[&OutcomeKind::Ok].witness.len(), 6);
    }
}

#[test]
fn dfs_and_bfs_visit_the_same_states() {
    let graph = two_kinds();
    explore(&graph, bfs());
    let by_bfs = graph.seen.take();
    explore(&graph, dfs());
    let by_dfs = graph.seen.take();
    assert_eq!(by_bfs, BTreeSet::from([0, 1, 2, 3, 4, 5, 8]));
    assert_eq!(by_bfs, by_dfs);
}

#[test]
fn progress_is_reported_every_65536_states() {
    let mut reports = Vec::new();
    let mut record = |progress: &gomc::explore::Progress| reports.push(*progress);
    let options = SearchOptions {
        progress: Some(&mut record),
        ..bfs()
    };
    let result = explore(&Graph::chain(3 * 65536), options);
    assert_eq!(result.statistics.states, 3 * 65536 + 1);
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0].states, 65536);
    assert_eq!(reports[0].transitions, 65535);
    assert_eq!(reports[0].max_depth, 65535);
    assert_eq!(reports[0].frontier, 1);
    assert_eq!(reports[2].states, 3 * 65536);
}

#[test]
fn cancelling_stops_the_search_and_reports_what_was_covered() {
    let cancel = AtomicBool::new(false);
    let mut cancel_at_first_report =
        |_: &gomc::explore::Progress| cancel.store(true, Ordering::Relaxed);
    let options = SearchOptions {
        cancel: Some(&cancel),
        progress: Some(&mut cancel_at_first_report),
        ..bfs()
    };
    let result = explore(&Graph::chain(5 * 65536), options);
    assert_eq!(result.stopped_by, Some(StoppedBy::Cancelled));
    assert!(!result.exhaustive);
    assert_eq!(result.statistics.states, 65536);
    assert!(result.outcomes.is_empty());
}

#[test]
fn a_cancelled_flag_stops_before_the_first_expansion() {
    let cancel = AtomicBool::new(true);
    let options = SearchOptions {
        cancel: Some(&cancel),
        ..bfs()
    };
    let result = explore(&Graph::chain(4), options);
    assert_eq!(result.statistics.states, 1);
    assert_eq!(result.statistics.transitions, 0);
    assert_eq!(result.stopped_by, Some(StoppedBy::Cancelled));
}

#[test]
fn memory_per_state_is_measured() {
    let result = explore(&Graph::chain(100_000), bfs());
    let per_state = result.statistics.bytes_per_state();
    // 24-byte map entries plus a control byte at a load between 7/16 and 7/8, plus an 8-byte
    // parent link, plus the state graph's 12 bytes a state and 4 a transition (one per state
    // here), with the tables' doubling slack.
    assert!(
        (46.0..=112.0).contains(&per_state),
        "{per_state} bytes per state"
    );
}
