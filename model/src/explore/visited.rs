//! The visited set and the parent table: every state the search has discovered, by fingerprint,
//! with the state that first reached it and the choice taken, so that witnesses are rebuilt by
//! walking parents instead of being stored per state.
//!
//! Three stores (`StateStore`), as SPIN has: the exact one keeps each state's 128-bit
//! fingerprint (two states merge wrongly with probability about n²/2¹²⁹, nil in practice);
//! hash compaction keeps 64 bits (about n²/2⁶⁵: 3·10⁻⁶ at 10 M states) in entries half as big;
//! the bitstate store (supertrace) keeps only k = 3 bits per state in a fixed bit array, so a new
//! state whose bits are all set already is taken for known and missed. It knows no index of a
//! known state, so the state graph (and with it the `hang` outcome) is not kept.
//!
//! Invariant: `links.len() + 1` states were discovered, numbered in discovery order; every store
//! answers a state it was given as known (no false negatives).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use super::Fingerprint;

/// How the visited set stores the states it has seen (`--hash-compact`, `--bitstate`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum StateStore {
    /// 128-bit fingerprints.
    #[default]
    Exact,
    /// 64-bit fingerprints (hash compaction).
    HashCompact,
    /// k = 3 bits per state in an array of `bytes` bytes (a power of two); probabilistic.
    Bitstate {
        /// The array's size.
        bytes: u64,
    },
}

impl StateStore {
    /// Whether a known state's index is known, so that the state graph can be kept.
    pub fn indexes_states(self) -> bool {
        !matches!(self, StateStore::Bitstate { .. })
    }
}

/// The index a bitstate store gives every state it takes for known (it does not know which).
pub(crate) const UNKNOWN_INDEX: StateIndex = StateIndex::MAX;

/// Hashes per state in the bitstate store (SPIN's default `-k3`).
const BITSTATE_HASHES: u64 = 3;

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

/// A 64-bit fingerprint and an index as three words, so that an entry takes 12 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct CompactKey([u32; 2]);

impl CompactKey {
    fn new(fingerprint: Fingerprint) -> Self {
        let folded = (fingerprint >> 64) as u64 ^ fingerprint as u64;
        CompactKey([(folded >> 32) as u32, folded as u32])
    }
}

impl Hash for CompactKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(u64::from(self.0[0]) << 32 | u64::from(self.0[1]));
    }
}

type Table<K> = HashMap<K, StateIndex, BuildHasherDefault<IdentityHasher>>;

/// The states seen, as the chosen store keeps them.
enum Seen {
    Exact(Table<Key>),
    Compact(Table<CompactKey>),
    Bits {
        words: Vec<u64>,
        /// Bits set so far.
        set: u64,
        /// The expected number of new states taken for known so far, from the probability
        /// that all k bits of a new state were set already, (set / size)^k, at each insertion.
        missed: f64,
    },
}

/// Every discovered state: fingerprint → index, and for each index but 0 its parent and the
/// choice that led from the parent to it.
pub(crate) struct Visited<C> {
    seen: Seen,
    /// `links[i - 1]` is `(parent, choice)` of state `i`; the initial state has none.
    links: Vec<(StateIndex, C)>,
}

impl<C: Copy> Visited<C> {
    /// A set holding only the initial state.
    pub(crate) fn new(initial: Fingerprint, store: StateStore) -> Self {
        let seen = match store {
            StateStore::Exact => Seen::Exact(HashMap::default()),
            StateStore::HashCompact => Seen::Compact(HashMap::default()),
            StateStore::Bitstate { bytes } => Seen::Bits {
                // A power of two of words, at most `bytes`: positions are masked, not divided.
                words: vec![0; 1 << (bytes / 8).max(1).ilog2()],
                set: 0,
                missed: 0.0,
            },
        };
        let mut visited = Visited {
            seen,
            links: Vec::new(),
        };
        visited.record(initial, 0);
        visited
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
        match self.record(fingerprint, next) {
            Some(known) => Inserted::Known(known),
            None => {
                self.links.push((parent, choice));
                Inserted::New(next)
            }
        }
    }

    /// Adds `fingerprint` as state `next` unless it is known: then returns its index
    /// ([`UNKNOWN_INDEX`] for the bitstate store).
    fn record(&mut self, fingerprint: Fingerprint, next: StateIndex) -> Option<StateIndex> {
        use std::collections::hash_map::Entry;
        match &mut self.seen {
            Seen::Exact(table) => match table.entry(Key::new(fingerprint)) {
                Entry::Occupied(slot) => Some(*slot.get()),
                Entry::Vacant(slot) => {
                    slot.insert(next);
                    None
                }
            },
            Seen::Compact(table) => match table.entry(CompactKey::new(fingerprint)) {
                Entry::Occupied(slot) => Some(*slot.get()),
                Entry::Vacant(slot) => {
                    slot.insert(next);
                    None
                }
            },
            Seen::Bits { words, set, missed } => {
                let size = words.len() as u64 * 64;
                let before = *set;
                for bit in bit_positions(fingerprint, size) {
                    let word = &mut words[(bit / 64) as usize];
                    let mask = 1u64 << (bit % 64);
                    if *word & mask == 0 {
                        *word |= mask;
                        *set += 1;
                    }
                }
                if *set == before {
                    return Some(UNKNOWN_INDEX);
                }
                // A new state finds its bits set already with probability p = fill^k; each one
                // stored stands for 1/(1 - p) new states met, p/(1 - p) of them missed.
                let p = (before as f64 / size as f64).powi(BITSTATE_HASHES as i32);
                *missed += p / (1.0 - p).max(f64::EPSILON);
                None
            }
        }
    }

    /// The index of the state with this fingerprint, if it was discovered ([`UNKNOWN_INDEX`]
    /// when the bitstate store takes it for known).
    pub(crate) fn index_of(&self, fingerprint: Fingerprint) -> Option<StateIndex> {
        match &self.seen {
            Seen::Exact(table) => table.get(&Key::new(fingerprint)).copied(),
            Seen::Compact(table) => table.get(&CompactKey::new(fingerprint)).copied(),
            Seen::Bits { words, .. } => {
                let size = words.len() as u64 * 64;
                bit_positions(fingerprint, size)
                    .all(|bit| words[(bit / 64) as usize] & 1 << (bit % 64) != 0)
                    .then_some(UNKNOWN_INDEX)
            }
        }
    }

    /// Whether a state with this fingerprint was discovered.
    pub(crate) fn contains(&self, fingerprint: Fingerprint) -> bool {
        self.index_of(fingerprint).is_some()
    }

    /// The expected number of distinct states the store merged with others, so that the search
    /// missed them: n²/2¹²⁹ and n²/2⁶⁵ for the fingerprint stores (birthday bound), the sum of
    /// each insertion's chance of finding its bits set for the bitstate store.
    pub(crate) fn missed_estimate(&self) -> f64 {
        let n = self.len() as f64;
        match &self.seen {
            Seen::Exact(_) => n * n / 2f64.powi(129),
            Seen::Compact(_) => n * n / 2f64.powi(65),
            Seen::Bits { missed, .. } => *missed,
        }
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

    /// Bytes the tables hold, computed from their capacities (hashbrown's layout: a
    /// power-of-two number of buckets, at most 7/8 full, each an entry plus one control byte).
    pub(crate) fn bytes(&self) -> u64 {
        let seen = match &self.seen {
            Seen::Exact(table) => table_bytes(table),
            Seen::Compact(table) => table_bytes(table),
            Seen::Bits { words, .. } => words.len() * 8,
        };
        let link_bytes = self.links.capacity() * std::mem::size_of::<(StateIndex, C)>();
        (seen + link_bytes) as u64
    }
}

/// The bits of a state in a bitstate array of `size` bits (a power of two): k positions by
/// double hashing from the fingerprint's two halves (Kirsch and Mitzenmacher), the second
/// made odd so that the k positions differ.
fn bit_positions(fingerprint: Fingerprint, size: u64) -> impl Iterator<Item = u64> {
    let first = fingerprint as u64;
    let step = (fingerprint >> 64) as u64 | 1;
    (0..BITSTATE_HASHES).map(move |i| first.wrapping_add(i.wrapping_mul(step)) & (size - 1))
}

/// Bytes of a hash table, from its capacity.
fn table_bytes<K>(table: &Table<K>) -> usize {
    let capacity = table.capacity();
    let buckets = if capacity == 0 {
        0
    } else if capacity < 8 {
        (capacity + 1).next_power_of_two()
    } else {
        (capacity * 8 / 7).next_power_of_two()
    };
    buckets * (std::mem::size_of::<(K, StateIndex)>() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Well-spread fingerprints, as a model's are.
    fn fingerprints(count: u64) -> impl Iterator<Item = Fingerprint> {
        (1..=count).map(|i| {
            let x = u128::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
            x ^ x >> 61
        })
    }

    #[test]
    fn every_store_knows_every_state_it_was_given() {
        for store in [
            StateStore::Exact,
            StateStore::HashCompact,
            StateStore::Bitstate { bytes: 1 << 10 },
        ] {
            let mut visited = Visited::new(0, store);
            let mut new = 0;
            for fingerprint in fingerprints(5_000) {
                if let Inserted::New(_) = visited.insert(fingerprint, 0, ()) {
                    new += 1;
                }
                assert!(visited.contains(fingerprint), "{store:?}");
            }
            assert!(fingerprints(5_000).all(|fingerprint| visited.contains(fingerprint)));
            assert_eq!(visited.len(), new + 1);
            if store.indexes_states() {
                assert_eq!(new, 5_000, "{store:?} merged distinct fingerprints");
            }
        }
    }

    #[test]
    fn an_overfull_bitstate_array_misses_states_and_its_estimate_follows() {
        // 8,192 bits for 5,000 states of 3 bits each: most late states find their bits set.
        let mut visited = Visited::new(0, StateStore::Bitstate { bytes: 1 << 10 });
        for fingerprint in fingerprints(5_000) {
            visited.insert(fingerprint, 0, ());
        }
        let missed = 5_000 - (visited.len() - 1);
        let estimate = visited.missed_estimate();
        assert!(missed > 500, "{missed}");
        assert!(
            (estimate - missed as f64).abs() < missed as f64 * 0.25,
            "estimate {estimate}, missed {missed}"
        );
    }
}
