//! The explorer on random graphs against an independent search (breadth- and depth-first
//! agree, witnesses are shortest) and the `hang` outcome on hand-made cycles.

mod explore_support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use explore_support::*;
use gomc::explore::{explore, Model, OutcomeKind, SearchOptions, StateStatus};
use proptest::prelude::*;

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
