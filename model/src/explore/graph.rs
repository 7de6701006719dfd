//! The state graph the search keeps for the `hang` outcome: the successors of every expanded
//! state, by index, and the backward reachability that finds the states from which no end state
//! can be reached.
//!
//! Invariants: each state is expanded at most once, so its successors are one contiguous run of
//! `targets`; a state never expanded in an exhaustive search is an end state (every running
//! state is expanded, and only running states are).
//!
//! Cost: 12 bytes per discovered state and 4 per transition, counted in the statistics'
//! bytes per state; the analysis borrows 9 bytes per state and 4 per transition more while it
//! runs, once, after the search.

use super::visited::StateIndex;

/// `start` of a state that was not expanded.
const UNEXPANDED: u64 = u64::MAX;

/// Successor lists of the expanded states.
#[derive(Default)]
pub(crate) struct Graph {
    /// `start[i]`: where state `i`'s successors begin in `targets`; [`UNEXPANDED`] if never
    /// expanded.
    start: Vec<u64>,
    /// `count[i]`: how many successors state `i` has (transitions, duplicates included).
    count: Vec<u32>,
    /// Successor indices of all expanded states, one run per state.
    targets: Vec<StateIndex>,
}

/// The states from which no end state is reachable.
pub(crate) struct HangRegion {
    /// `member[i]`: state `i` cannot reach an end.
    member: Vec<bool>,
    /// How many states are members.
    pub(crate) count: u64,
    /// The member with the smallest index: under breadth-first search a shallowest one.
    pub(crate) first: StateIndex,
}

impl HangRegion {
    /// Whether state `index` cannot reach an end.
    pub(crate) fn contains(&self, index: StateIndex) -> bool {
        self.member.get(index as usize).copied().unwrap_or(false)
    }
}

impl Graph {
    /// Records the successors of `state` (the indices its transitions lead to, in choice order).
    pub(crate) fn expanded(&mut self, state: StateIndex, successors: &[StateIndex]) {
        let slot = state as usize;
        if self.start.len() <= slot {
            self.start.resize(slot + 1, UNEXPANDED);
            self.count.resize(slot + 1, 0);
        }
        self.start[slot] = self.targets.len() as u64;
        self.count[slot] = successors.len() as u32;
        self.targets.extend_from_slice(successors);
    }

    /// The successors recorded for `state` (empty if it was not expanded).
    fn successors(&self, state: usize) -> &[StateIndex] {
        match self.start.get(state) {
            Some(&start) if start != UNEXPANDED => {
                let start = start as usize;
                &self.targets[start..start + self.count[state] as usize]
            }
            _ => &[],
        }
    }

    fn is_expanded(&self, state: usize) -> bool {
        self.start
            .get(state)
            .is_some_and(|&start| start != UNEXPANDED)
    }

    /// Bytes the graph holds, from its capacities.
    pub(crate) fn bytes(&self) -> u64 {
        (self.start.capacity() * std::mem::size_of::<u64>()
            + self.count.capacity() * std::mem::size_of::<u32>()
            + self.targets.capacity() * std::mem::size_of::<StateIndex>()) as u64
    }

    /// The states (of `states` discovered) from which no end state is reachable, or `None` when
    /// every state can reach one. Only meaningful after an exhaustive search: then the states
    /// never expanded are exactly the end states.
    pub(crate) fn hang_region(&self, states: u64) -> Option<HangRegion> {
        let states = states as usize;
        // Predecessor lists in compressed form: `first_predecessor[t]..first_predecessor[t + 1]`
        // indexes `predecessors`.
        let mut first_predecessor = vec![0u32; states + 1];
        for &target in &self.targets {
            first_predecessor[target as usize + 1] += 1;
        }
        for index in 0..states {
            first_predecessor[index + 1] += first_predecessor[index];
        }
        let mut fill = first_predecessor.clone();
        let mut predecessors = vec![0 as StateIndex; self.targets.len()];
        for source in 0..states {
            for &target in self.successors(source) {
                let slot = &mut fill[target as usize];
                predecessors[*slot as usize] = source as StateIndex;
                *slot += 1;
            }
        }
        drop(fill);
        // Backward breadth-first search from the end states.
        let mut can_end = vec![false; states];
        let mut queue: Vec<StateIndex> = Vec::new();
        for (index, reached) in can_end.iter_mut().enumerate() {
            if !self.is_expanded(index) {
                *reached = true;
                queue.push(index as StateIndex);
            }
        }
        while let Some(state) = queue.pop() {
            let state = state as usize;
            let range = first_predecessor[state] as usize..first_predecessor[state + 1] as usize;
            for &source in &predecessors[range] {
                if !can_end[source as usize] {
                    can_end[source as usize] = true;
                    queue.push(source);
                }
            }
        }
        let member: Vec<bool> = can_end.iter().map(|&reached| !reached).collect();
        let count = member.iter().filter(|&&stuck| stuck).count() as u64;
        let first = member.iter().position(|&stuck| stuck)? as StateIndex;
        Some(HangRegion {
            member,
            count,
            first,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_that_can_leave_is_not_a_hang_and_one_that_cannot_is() {
        // 0 → 1 → 2 (end); 1 → 3 → 3 (a self-loop with no way out); 0 → 4 ⇄ 5 → 2.
        let mut graph = Graph::default();
        graph.expanded(0, &[1, 4]);
        graph.expanded(1, &[2, 3]);
        graph.expanded(3, &[3]);
        graph.expanded(4, &[5]);
        graph.expanded(5, &[4, 2]);
        let region = graph.hang_region(6).expect("state 3 cannot end");
        assert_eq!(region.count, 1);
        assert_eq!(region.first, 3);
        assert!(region.contains(3));
        assert!(!region.contains(4) && !region.contains(5) && !region.contains(0));
    }

    #[test]
    fn a_graph_whose_states_all_reach_an_end_has_no_hang_region() {
        let mut graph = Graph::default();
        graph.expanded(0, &[1, 1]);
        graph.expanded(1, &[0, 2]);
        assert!(graph.hang_region(3).is_none());
    }
}
