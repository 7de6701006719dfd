//! Known-answer tests of the native explorer on tiny hand-made state machines, with state and
//! transition counts worked out by hand.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};

use gomc::explore::{
    explore, Fingerprint, Model, OutcomeKind, SearchOptions, SearchOrder, StateStatus, StepError,
    StoppedBy,
};
use proptest::prelude::*;

/// A graph given by its edges: a state is a node number, a choice is the node it leads to.
/// A node without edges ends with the kind given in `ends` (`ok` when not given).
#[derive(Debug, Default)]
struct Graph {
    edges: BTreeMap<u32, Vec<u32>>,
    ends: BTreeMap<u32, OutcomeKind>,
    /// Steps `(from, to)` that fail.
    failing: BTreeSet<(u32, u32)>,
    /// The initial state cannot be built.
    broken: bool,
    /// Every state whose status was asked, i.e. every discovered state.
    seen: RefCell<BTreeSet<u32>>,
}

impl Graph {
    fn new(edges: &[(u32, &[u32])]) -> Self {
        Graph {
            edges: edges
                .iter()
                .map(|(from, to)| (*from, to.to_vec()))
                .collect(),
            ..Graph::default()
        }
    }

    fn end(mut self, node: u32, kind: OutcomeKind) -> Self {
        self.ends.insert(node, kind);
        self
    }

    fn fail(mut self, from: u32, to: u32) -> Self {
        self.failing.insert((from, to));
        self
    }

    /// A chain 0 → 1 → … → last, ending `ok` at `last`.
    fn chain(last: u32) -> Self {
        Graph {
            edges: (0..last).map(|node| (node, vec![node + 1])).collect(),
            ..Graph::default()
        }
    }
}

impl Model for Graph {
    type State = u32;
    type Choice = u32;

    fn initial(&self) -> Result<u32, StepError> {
        if self.broken {
            return Err(StepError {
                message: "no initial state".into(),
            });
        }
        Ok(0)
    }

    fn choices(&self, state: &u32, out: &mut Vec<u32>) {
        if let Some(to) = self.edges.get(state) {
            out.extend_from_slice(to);
        }
    }

    fn step(&self, state: &u32, choice: u32) -> Result<u32, StepError> {
        assert!(
            self.edges[state].contains(&choice),
            "step with a choice that is not enabled"
        );
        if self.failing.contains(&(*state, choice)) {
            return Err(StepError {
                message: format!("cannot step {state} -> {choice}"),
            });
        }
        Ok(choice)
    }

    fn fingerprint(&self, state: &u32) -> Fingerprint {
        // Mixed, as real fingerprints are; distinct for distinct nodes.
        u128::from(*state).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835) ^ 0x5555
    }

    fn status(&self, state: &u32) -> StateStatus {
        self.seen.borrow_mut().insert(*state);
        match self.edges.get(state) {
            Some(to) if !to.is_empty() => StateStatus::Running,
            _ => StateStatus::Ended(self.ends.get(state).copied().unwrap_or(OutcomeKind::Ok)),
        }
    }
}

fn bfs<'a>() -> SearchOptions<'a> {
    SearchOptions::default()
}

fn dfs<'a>() -> SearchOptions<'a> {
    SearchOptions {
        order: SearchOrder::Dfs,
        ..SearchOptions::default()
    }
}

/// `(count, witness)` of each outcome kind.
fn outcomes<C: Clone>(
    found: &BTreeMap<OutcomeKind, gomc::explore::Found<C>>,
) -> Vec<(OutcomeKind, u64, Vec<C>)> {
    found
        .iter()
        .map(|(kind, found)| (*kind, found.count, found.witness.clone()))
        .collect()
}

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

/// Shortest distance of every node from 0, by an independent breadth-first search.
fn distances(graph: &Graph) -> BTreeMap<u32, usize> {
    let mut distance = BTreeMap::from([(0, 0)]);
    let mut queue = VecDeque::from([0]);
    while let Some(node) = queue.pop_front() {
        for &next in graph.edges.get(&node).into_iter().flatten() {
            if !distance.contains_key(&next) {
                distance.insert(next, distance[&node] + 1);
                queue.push_back(next);
            }
        }
    }
    distance
}

fn random_graph() -> impl Strategy<Value = Graph> {
    let nodes = 12u32;
    (
        proptest::collection::vec(proptest::collection::vec(0..nodes, 0..4), nodes as usize),
        proptest::collection::vec(0..3u8, nodes as usize),
    )
        .prop_map(|(edges, kinds)| {
            let mut graph = Graph::default();
            for (node, to) in edges.into_iter().enumerate() {
                let mut to = to;
                to.dedup();
                graph.edges.insert(node as u32, to);
            }
            for (node, kind) in kinds.into_iter().enumerate() {
                let kind =
                    [OutcomeKind::Ok, OutcomeKind::Deadlock, OutcomeKind::Panic][kind as usize];
                graph.ends.insert(node as u32, kind);
            }
            graph
        })
}

proptest! {
    #[test]
    fn bfs_and_dfs_agree_and_bfs_witnesses_are_shortest(graph in random_graph()) {
        let by_bfs = explore(&graph, bfs());
        let seen_bfs = graph.seen.take();
        let by_dfs = explore(&graph, dfs());
        let seen_dfs = graph.seen.take();
        let distance = distances(&graph);
        prop_assert_eq!(&seen_bfs, &seen_dfs);
        prop_assert_eq!(seen_bfs.len(), distance.len());
        prop_assert_eq!(by_bfs.statistics.states, distance.len() as u64);
        prop_assert_eq!(by_bfs.statistics.transitions, by_dfs.statistics.transitions);
        prop_assert!(by_bfs.exhaustive && by_dfs.exhaustive);
        let counts = |result: &gomc::explore::Exploration<u32>| -> Vec<(OutcomeKind, u64)> {
            result.outcomes.iter().map(|(kind, found)| (*kind, found.count)).collect()
        };
        prop_assert_eq!(counts(&by_bfs), counts(&by_dfs));
        let stuck = cannot_end(&graph, &distance);
        for result in [&by_bfs, &by_dfs] {
            for (kind, found) in &result.outcomes {
                // The witness is a path of enabled choices ending in a state of this kind.
                let mut path = vec![0];
                for &choice in &found.witness {
                    prop_assert!(graph.edges[path.last().unwrap()].contains(&choice));
                    path.push(choice);
                }
                let last = *path.last().unwrap();
                if *kind == OutcomeKind::Hang {
                    // It ends on a cycle of states that cannot end, entered at `cycle_start`.
                    let start = found.cycle_start.expect("a hang witness ends on a cycle");
                    prop_assert!(start < found.witness.len());
                    prop_assert_eq!(path[start], last);
                    prop_assert!(path[start..].iter().all(|node| stuck.contains(node)));
                    prop_assert_eq!(found.count, stuck.len() as u64);
                } else {
                    prop_assert_eq!(found.cycle_start, None);
                    prop_assert_eq!(graph.status(&last), StateStatus::Ended(*kind));
                }
            }
            prop_assert_eq!(result.outcomes.contains_key(&OutcomeKind::Hang), !stuck.is_empty());
        }
        for (kind, found) in &by_bfs.outcomes {
            if *kind == OutcomeKind::Hang {
                // The way in is shortest: the witness's first state that cannot end lies as
                // close to the initial state as any such state.
                let mut node = 0;
                let mut steps = 0;
                while !stuck.contains(&node) {
                    node = found.witness[steps];
                    steps += 1;
                }
                let shortest = stuck.iter().map(|node| distance[node]).min().unwrap();
                prop_assert_eq!(steps, shortest);
                continue;
            }
            let shortest = distance
                .iter()
                .filter(|(node, _)| graph.status(node) == StateStatus::Ended(*kind))
                .map(|(_, distance)| *distance)
                .min()
                .unwrap();
            prop_assert_eq!(found.witness.len(), shortest);
        }
    }
}

/// The reachable nodes from which no node without edges is reachable, by an independent
/// fixpoint: a node can end if it has no edges or an edge to a node that can end.
fn cannot_end(graph: &Graph, reachable: &BTreeMap<u32, usize>) -> BTreeSet<u32> {
    let mut can_end: BTreeSet<u32> = reachable
        .keys()
        .copied()
        .filter(|node| graph.edges.get(node).is_none_or(Vec::is_empty))
        .collect();
    loop {
        let before = can_end.len();
        for node in reachable.keys() {
            if graph.edges[node].iter().any(|next| can_end.contains(next)) {
                can_end.insert(*node);
            }
        }
        if can_end.len() == before {
            break;
        }
    }
    reachable
        .keys()
        .copied()
        .filter(|node| !can_end.contains(node))
        .collect()
}

#[test]
fn a_cycle_with_no_way_out_is_a_hang_and_its_witness_ends_on_the_cycle() {
    // 0 → 1 → 2 (end); 0 → 3 → 4 → 3: states 3 and 4 can never end. Breadth-first, the way in
    // is the single step 0 → 3, then 3 → 4 → 3 closes the cycle at step 1.
    let graph = Graph::new(&[(0, &[1, 3]), (1, &[2]), (3, &[4]), (4, &[3])]);
    let result = explore(&graph, bfs());
    assert!(result.exhaustive);
    let hang = &result.outcomes[&OutcomeKind::Hang];
    assert_eq!(hang.count, 2);
    assert_eq!(hang.witness, vec![3, 4, 3]);
    assert_eq!(hang.cycle_start, Some(1));
    assert_eq!(result.outcomes[&OutcomeKind::Ok].count, 1);
}

#[test]
fn a_cycle_with_a_way_out_is_not_a_hang() {
    // 0 ⇄ 1, 1 → 2 (end): the program may loop, but it can always finish.
    let graph = Graph::new(&[(0, &[1]), (1, &[0, 2])]);
    let result = explore(&graph, bfs());
    assert!(!result.outcomes.contains_key(&OutcomeKind::Hang));
}

#[test]
fn a_search_stopped_by_a_bound_never_concludes_hang() {
    // The self-loop at 3 cannot end, but the depth bound stops the search before it is seen.
    let graph = Graph::new(&[(0, &[1]), (1, &[2]), (2, &[3]), (3, &[3])]);
    let options = SearchOptions {
        max_depth: Some(2),
        ..SearchOptions::default()
    };
    let result = explore(&graph, options);
    assert!(!result.exhaustive);
    assert!(!result.outcomes.contains_key(&OutcomeKind::Hang));
}
