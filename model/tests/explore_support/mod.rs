//! The tiny hand-made state machines of the explorer tests (`explore.rs`, `explore_random.rs`):
//! a graph whose nodes are states and whose edges are choices.

#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use gomc::explore::{
    Fingerprint, Model, OutcomeKind, SearchOptions, SearchOrder, StateStatus, StepError,
};

/// A graph given by its edges: a state is a node number, a choice is the node it leads to.
/// A node without edges ends with the kind given in `ends` (`ok` when not given).
#[derive(Debug, Default)]
pub struct Graph {
    pub edges: BTreeMap<u32, Vec<u32>>,
    pub ends: BTreeMap<u32, OutcomeKind>,
    /// Steps `(from, to)` that fail.
    pub failing: BTreeSet<(u32, u32)>,
    /// The initial state cannot be built.
    pub broken: bool,
    /// Every state whose status was asked, i.e. every discovered state.
    pub seen: RefCell<BTreeSet<u32>>,
}

impl Graph {
    pub fn new(edges: &[(u32, &[u32])]) -> Self {
        Graph {
            edges: edges
                .iter()
                .map(|(from, to)| (*from, to.to_vec()))
                .collect(),
            ..Graph::default()
        }
    }

    pub fn end(mut self, node: u32, kind: OutcomeKind) -> Self {
        self.ends.insert(node, kind);
        self
    }

    pub fn fail(mut self, from: u32, to: u32) -> Self {
        self.failing.insert((from, to));
        self
    }

    /// A chain 0 → 1 → … → last, ending `ok` at `last`.
    pub fn chain(last: u32) -> Self {
        Graph {
            edges: (0..last).map(|node| (node, vec![node + 1])).collect(),
            ..Graph::default()
        }
    }
}

impl Model for Graph {
    type State = u32;
    type Choice = u32;
    // The states are small values: the frontier holds them as they are.
    type Packed = u32;

    fn pack(&self, state: u32, _compact: bool) -> u32 {
        state
    }

    fn unpack(&self, packed: u32) -> u32 {
        packed
    }

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

pub fn bfs<'a>() -> SearchOptions<'a> {
    SearchOptions::default()
}

pub fn dfs<'a>() -> SearchOptions<'a> {
    SearchOptions {
        order: SearchOrder::Dfs,
        ..SearchOptions::default()
    }
}

/// `(count, witness)` of each outcome kind.
pub fn outcomes<C: Clone>(
    found: &BTreeMap<OutcomeKind, gomc::explore::Found<C>>,
) -> Vec<(OutcomeKind, u64, Vec<C>)> {
    found
        .iter()
        .map(|(kind, found)| (*kind, found.count, found.witness.clone()))
        .collect()
}

/// A binary tree of running states without an end (state n leads to 2n + 1 and 2n + 2): the
/// frontier only grows, and within any depth bound there are more states than a test can
/// visit, so only a limit stops a search of it.
pub struct Endless;

impl Model for Endless {
    type State = u64;
    type Choice = u64;
    // The states are small values: the frontier holds them as they are.
    type Packed = u64;

    fn pack(&self, state: u64, _compact: bool) -> u64 {
        state
    }

    fn unpack(&self, packed: u64) -> u64 {
        packed
    }

    fn initial(&self) -> Result<u64, StepError> {
        Ok(0)
    }
    fn choices(&self, state: &u64, out: &mut Vec<u64>) {
        out.extend([
            state.wrapping_mul(2).wrapping_add(1),
            state.wrapping_mul(2).wrapping_add(2),
        ]);
    }
    fn step(&self, _state: &u64, choice: u64) -> Result<u64, StepError> {
        Ok(choice)
    }
    fn fingerprint(&self, state: &u64) -> Fingerprint {
        u128::from(*state).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
    }
    fn status(&self, _state: &u64) -> StateStatus {
        StateStatus::Running
    }
}
