//! The visited set and the parent table: every state the search has discovered, by fingerprint,
//! with the state that first reached it and the choice taken, so that witnesses are rebuilt by
//! walking parents instead of being stored per state.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::Fingerprint;

/// Index of a discovered state, in discovery order (the initial state is 0).
pub(crate) type StateIndex = u32;

/// A fingerprint split into two words, so that a map entry `(Key, StateIndex)` takes 24 bytes
/// rather than the 32 that `u128`'s 16-byte alignment would give it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64);

impl Key {
    fn new(fingerprint: Fingerprint) -> Self {
        Key((fingerprint >> 64) as u64, fingerprint as u64)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The fingerprint is already well mixed: folding its halves is hash enough.
        state.write_u64(self.0 ^ self.1);
    }
}

/// A hasher that passes a `u64` through unchanged; only [`Key`] is hashed with it.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not reached for `Key`; kept correct (FNV-1a) for any other use.
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// What [`Visited::insert`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inserted {
    /// The state is new: its index.
    New(StateIndex),
    /// The state was discovered before: its index.
    Known(StateIndex),
}

impl Inserted {
    /// The state's index, new or not.
    pub(crate) fn index(self) -> StateIndex {
        match self {
            Inserted::New(index) | Inserted::Known(index) => index,
        }
    }
}

/// Every discovered state: fingerprint → index, and for each index but 0 its parent and the
/// choice that led from the parent to it.
pub(crate) struct Visited<C> {
    index: HashMap<Key, StateIndex, BuildHasherDefault<IdentityHasher>>,
    /// `links[i - 1]` is `(parent, choice)` of state `i`; the initial state has none.
    links: Vec<(StateIndex, C)>,
}

impl<C: Copy> Visited<C> {
    /// A set holding only the initial state.
    pub(crate) fn new(initial: Fingerprint) -> Self {
        let mut index = HashMap::default();
        index.insert(Key::new(initial), 0);
        Visited {
            index,
            links: Vec::new(),
        }
    }

    /// Number of states discovered.
    pub(crate) fn len(&self) -> u64 {
        self.links.len() as u64 + 1
    }

    /// Records `fingerprint` as reached from `parent` by `choice`, unless it was seen before.
    /// Returns the state's index and whether this call discovered it.
    pub(crate) fn insert(
        &mut self,
        fingerprint: Fingerprint,
        parent: StateIndex,
        choice: C,
    ) -> Inserted {
        let next = self.links.len() as StateIndex + 1;
        match self.index.entry(Key::new(fingerprint)) {
            std::collections::hash_map::Entry::Occupied(slot) => Inserted::Known(*slot.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(next);
                self.links.push((parent, choice));
                Inserted::New(next)
            }
        }
    }

    /// The index of the state with this fingerprint, if it was discovered.
    pub(crate) fn index_of(&self, fingerprint: Fingerprint) -> Option<StateIndex> {
        self.index.get(&Key::new(fingerprint)).copied()
    }

    /// Whether a state with this fingerprint was discovered.
    pub(crate) fn contains(&self, fingerprint: Fingerprint) -> bool {
        self.index.contains_key(&Key::new(fingerprint))
    }

    /// The choices that lead from the initial state to state `state`, in order.
    pub(crate) fn path_to(&self, mut state: StateIndex) -> Vec<C> {
        let mut choices = Vec::new();
        while state != 0 {
            let (parent, choice) = self.links[state as usize - 1];
            choices.push(choice);
            state = parent;
        }
        choices.reverse();
        choices
    }

    /// Bytes the two tables hold, computed from their capacities (hashbrown's layout: a
    /// power-of-two number of buckets, at most 7/8 full, each an entry plus one control byte).
    pub(crate) fn bytes(&self) -> u64 {
        let capacity = self.index.capacity();
        let buckets = if capacity == 0 {
            0
        } else if capacity < 8 {
            (capacity + 1).next_power_of_two()
        } else {
            (capacity * 8 / 7).next_power_of_two()
        };
        let entry = std::mem::size_of::<(Key, StateIndex)>();
        let map_bytes = buckets * (entry + 1);
        let link_bytes = self.links.capacity() * std::mem::size_of::<(StateIndex, C)>();
        (map_bytes + link_bytes) as u64
    }
}
