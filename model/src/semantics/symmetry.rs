//! Symmetry reduction: the order in which the canonical form lists goroutines, chosen so that
//! states that differ only by a permutation of goroutines get the same fingerprint
//! (ARCHITECTURE.md, Contracts: canonical state).
//!
//! Why a permutation is a symmetry: nothing in the semantics looks at a goroutine's number. The
//! scheduler offers every runnable goroutine, wait queues hold goroutines in their own (FIFO)
//! order, and a new goroutine's number is only a name. So two states that differ by renaming
//! goroutines (and the objects only they reach) have the same futures up to that renaming, and
//! the same outcomes; a search may keep one of them. Goroutines started by the same `go`
//! statement in a loop (a pool's workers, cmd/dist's helpers) are the common case, but the
//! argument holds for any two goroutines.
//!
//! How: each live goroutine gets a *key*, a hash of what it is doing that does not depend on
//! numbering (its frames and program counters, its stack with references reduced to their kind,
//! its deferred calls and panics, why it is blocked and where it stands in each wait queue).
//! Goroutines are listed by key, ties broken by the lineage order of `canon.rs`. The listing is
//! then hashed in full by `canon::fingerprint`, so the reduction is sound whatever the key
//! misses: equal fingerprints still mean equal states up to renaming; a weak key only merges
//! fewer states. Dead goroutines are left out: a finished goroutine affects nothing.
//!
//! Invariant: the key of a goroutine is a function of the state's content up to renaming of
//! goroutines and objects.

use super::state::{Blocked, Goroutine, State, Status, SyncObj};
use super::value::{Gid, Value};

/// Mixes one word into a running key.
#[inline]
fn mix(key: u64, word: u64) -> u64 {
    (key ^ word)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
}

/// A goroutine's key is `mix(content_key, queue positions)`; the content part is remembered in
/// the goroutine (`goroutine_cache.rs`), since it changes only when the goroutine does.
///
/// Orders the live goroutines of `st` by key, ties by their lineage rank `rank` (indexed by
/// goroutine number − 1), into `order`; `rank` is then rewritten to the new positions, and dead
/// goroutines get no position (`rank` keeps `u32::MAX` for them).
///
/// The sort runs on `sorted`, one integer per goroutine (key, then rank, then number, from the
/// high bits down): comparing plain integers costs a fraction of comparing through lookups in
/// `keys` and `rank`. Ranks are distinct, so the order is the same as sorting by (key, rank).
pub fn order_by_key(
    st: &State,
    rank: &mut [u32],
    order: &mut Vec<Gid>,
    keys: &mut Vec<u64>,
    sorted: &mut Vec<u128>,
) {
    queue_positions(st, keys);
    sorted.clear();
    for goroutine in &st.goroutines {
        if goroutine.status == Status::Dead {
            continue;
        }
        let g = goroutine.id;
        let index = g as usize - 1;
        let key = mix(goroutine.cache.key(|| content_key(goroutine)), keys[index]);
        sorted.push((key as u128) << 64 | (rank[index] as u128) << 32 | g as u128);
    }
    sorted.sort_unstable();
    order.clear();
    order.extend(sorted.iter().map(|&entry| entry as u32));
    rank.iter_mut().for_each(|slot| *slot = u32::MAX);
    for (position, &g) in order.iter().enumerate() {
        rank[g as usize - 1] = position as u32;
    }
}

/// Starts each goroutine's key with where it waits: for every wait queue it is in, the kind of
/// queue and its position there, summed so that the order in which objects are visited (their
/// allocation order) does not matter.
fn queue_positions(st: &State, keys: &mut Vec<u64>) {
    keys.clear();
    keys.resize(st.goroutines.len(), 0);
    for chan in st.chans.iter() {
        for (tag, queue) in [(1, &chan.recvq), (2, &chan.sendq)] {
            for (position, waiter) in queue.iter().enumerate() {
                let word = mix(tag, position as u64 + 1);
                let word = mix(word, waiter.case.map_or(u64::MAX, u64::from));
                let slot = &mut keys[waiter.goroutine as usize - 1];
                *slot = slot.wrapping_add(word);
            }
        }
    }
    let mut note = |queue: &[Gid], tag: u64| {
        for (position, &g) in queue.iter().enumerate() {
            let slot = &mut keys[g as usize - 1];
            *slot = slot.wrapping_add(mix(tag, position as u64 + 1));
        }
    };
    for object in st.syncs.iter() {
        match object {
            SyncObj::Mutex { waiters, .. } => note(waiters, 3),
            SyncObj::WaitGroup { waiters, .. } => note(waiters, 4),
            SyncObj::Once { waiters, .. } => note(waiters, 5),
            SyncObj::Cond { waiters, .. } => note(waiters, 6),
            SyncObj::RWMutex(rw) => {
                note(&rw.writer_queue, 7);
                note(&rw.reader_sem.waiters, 8);
                note(&rw.writer_sem.waiters, 9);
            }
            SyncObj::Map(_) => {}
        }
    }
}

/// The part of a live goroutine's key that is its own content (the rest, its queue positions,
/// lives in the objects it waits on).
fn content_key(goroutine: &Goroutine) -> u64 {
    let mut key = mix(
        0,
        match goroutine.status {
            Status::Runnable => 1,
            Status::Blocked(reason) => 2 | blocked_tag(reason) << 8,
            Status::Dead => unreachable!("dead goroutines have no key"),
        },
    );
    key = mix(key, goroutine.woken_retry as u64);
    for frame in &goroutine.frames {
        key = mix(key, (frame.func.0 as u64) << 32 | frame.pc as u64);
        key = mix(
            key,
            (frame.base as u64) << 8
                | (frame.env.is_some() as u64) << 2
                | (frame.returning as u64) << 1
                | frame.deferred_call as u64,
        );
    }
    key = mix(key, goroutine.stack.len() as u64);
    for value in &goroutine.stack {
        key = shallow(key, value);
    }
    key = mix(key, goroutine.defers.len() as u64);
    for deferred in &goroutine.defers {
        key = mix(key, deferred.frame as u64);
        key = shallow(key, &deferred.func);
        for arg in &deferred.args {
            key = shallow(key, arg);
        }
    }
    mix(key, goroutine.unwinding.len() as u64)
}

/// Which operation a goroutine is parked in (the object it waits on is left out: its name
/// depends on numbering).
fn blocked_tag(reason: Blocked) -> u64 {
    match reason {
        Blocked::Send(_) => 1,
        Blocked::Recv(_) => 2,
        Blocked::SendNil => 3,
        Blocked::RecvNil => 4,
        Blocked::Select => 5,
        Blocked::SelectNoCases => 6,
        Blocked::Lock(_) => 7,
        Blocked::WaitGroup(_) => 8,
        Blocked::RLock(_) => 9,
        Blocked::RWLock(_) => 10,
        Blocked::Once(_) => 11,
        Blocked::Cond(_) => 12,
        Blocked::SynctestWait => 13,
    }
}

/// Mixes a value into `key`, with each reference reduced to its kind.
fn shallow(key: u64, value: &Value) -> u64 {
    match value {
        Value::Nil => mix(key, 0),
        Value::Int(v) => mix(mix(key, 1), *v as u64),
        Value::Bool(v) => mix(key, 2 | (*v as u64) << 8),
        Value::Float(v) => mix(mix(key, 15), v.key()),
        Value::Str(text) => text
            .bytes()
            .fold(mix(key, 3 | (text.len() as u64) << 8), |key, byte| {
                mix(key, byte as u64)
            }),
        Value::Pointer(_) => mix(key, 4),
        Value::Slice {
            offset, len, cap, ..
        } => mix(
            mix(key, 5 | (*offset as u64) << 8),
            (*len as u64) << 32 | *cap as u64,
        ),
        Value::Map(_) => mix(key, 6),
        Value::Chan(_) => mix(key, 7),
        Value::Sync(_) => mix(key, 8),
        Value::Func { func, env } => {
            mix(key, 9 | (func.0 as u64) << 8 | (env.is_some() as u64) << 40)
        }
        Value::Tuple(items) => items
            .iter()
            .fold(mix(key, 10 | (items.len() as u64) << 8), shallow),
        Value::Inner(inner) => mix(
            mix(key, 11 | (inner.path.len() as u64) << 8),
            inner.element.map_or(u64::MAX, u64::from),
        ),
        Value::Error(_) => mix(key, 12),
        Value::Array(items) => items
            .iter()
            .fold(mix(key, 13 | (items.len() as u64) << 8), shallow),
        Value::Boxed(boxed) => shallow(mix(key, 14 | (boxed.ty.0 as u64) << 8), &boxed.value),
    }
}
