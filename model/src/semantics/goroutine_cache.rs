//! What the canonical form remembers about a goroutine from one state to the next: its symmetry
//! key (`symmetry.rs`) and its segment of the canonical words (`canon.rs`). A step changes one
//! or two goroutines and shares the others with its parent state (`State::goroutines` is
//! copy-on-write), so each is computed once per change of a goroutine instead of once per
//! state.
//!
//! Invariants:
//! - A filled cache describes the goroutine's current content: `State::goroutine_mut`, the
//!   only way to change a goroutine once it is in a state, clears it first.
//! - It is not content: any two caches compare equal and hash to nothing, so `State`'s `Eq` and
//!   `Hash` (and the fingerprint) do not see it; a copy of a goroutine starts with an empty one.
//! - The states of a parallel search are read by several threads at once, so it fills through
//!   shared references: an atomic for the key (two threads that fill it write the same value,
//!   so relaxed ordering suffices), a `OnceLock` for the segment.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use super::value::Ref;

/// A goroutine's part of the canonical words, as `canon::fingerprint` uses it: the hash of the
/// words with every object reference replaced by a placeholder, and the references in the order
/// those words name them (the fingerprint numbers them in that order, so the objects get the
/// numbers the full walk would give them).
#[derive(Clone)]
pub struct Segment {
    /// The hash of the goroutine's words, references left out, as two words (a `u128` would
    /// raise `Goroutine`'s alignment to 16 and send every goroutine copy to the allocator's
    /// slower aligned path).
    pub shape: [u64; 2],
    /// The objects the words refer to, in walk order.
    pub refs: Box<[Ref]>,
}

/// The cache itself (see the module docs).
#[derive(Default)]
pub struct GoroutineCache {
    /// `symmetry::content_key`, or 0 when not computed.
    key: AtomicU64,
    segment: OnceLock<Segment>,
}

impl GoroutineCache {
    /// Forgets everything: the goroutine is about to change.
    #[inline]
    pub fn clear(&mut self) {
        *self.key.get_mut() = 0;
        self.segment.take();
    }

    /// The symmetry key, computed by `compute` unless known (a key of 0 is never remembered).
    #[inline]
    pub fn key(&self, compute: impl FnOnce() -> u64) -> u64 {
        let cached = self.key.load(Ordering::Relaxed);
        if cached != 0 {
            return cached;
        }
        let key = compute();
        self.key.store(key, Ordering::Relaxed);
        key
    }

    /// The canonical segment, computed by `compute` unless known.
    #[inline]
    pub fn segment(&self, compute: impl FnOnce() -> Segment) -> &Segment {
        self.segment.get_or_init(compute)
    }
}

/// A copy starts empty: the only copies of a goroutine are made by `State::goroutine_mut`
/// (`Arc::make_mut`) for a goroutine about to change, which would clear the cache at once;
/// copying the segment first cost an allocation and a copy per step.
impl Clone for GoroutineCache {
    fn clone(&self) -> Self {
        GoroutineCache::default()
    }
}

impl PartialEq for GoroutineCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for GoroutineCache {}

impl std::hash::Hash for GoroutineCache {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl std::fmt::Debug for GoroutineCache {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("GoroutineCache")
    }
}
