//! Canonical form and fingerprint of a state (ARCHITECTURE.md, Contracts: canonical state).
//!
//! Two states that differ only in the order in which objects were allocated, or in which
//! goroutines were numbered, are the same state. The fingerprint therefore hashes:
//! - goroutines in *lineage* order: a goroutine is identified by its creator and by how many
//!   goroutines that creator had started before it, which does not depend on how the creations of
//!   different goroutines interleaved; the order is a preorder of the creation tree;
//! - heap objects, channels and sync objects renumbered in the order a breadth-first walk from
//!   the roots (globals, then goroutines in lineage order) first reaches them; unreachable objects
//!   (garbage) and dead goroutines are left out.
//!
//! Invariant: equal canonical content ⇒ equal fingerprint; the walk and the hash visit
//! everything in an order that depends only on canonical content.

use super::canon_walk::{goroutine_segment, hash128, Numbering, Walker, Words, UNSEEN};
use super::state::{End, Object, State, Status, SyncObj, Timer};
use super::value::{Gid, Ref};
use crate::program::{Clock, Program};

/// Buffers reused from one fingerprint to the next (no allocation in the hot loop once warm).
#[derive(Default)]
pub struct Scratch {
    order: Vec<Gid>,
    rank: Vec<u32>,
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    last_child: Vec<u32>,
    dfs: Vec<Gid>,
    obj_map: Vec<u32>,
    chan_map: Vec<u32>,
    sync_map: Vec<u32>,
    queue: Vec<Ref>,
    keys: Vec<u64>,
    sorted: Vec<u128>,
    timer_chans: Vec<[u64; 3]>,
    words: Vec<u64>,
    segment_words: Vec<u64>,
    segment_refs: Vec<Ref>,
}

/// The fingerprint of a state's canonical form.
///
/// One pass: goroutines are hashed in lineage order, and each object gets its canonical number
/// the first time a hashed value refers to it; objects are then hashed in that order (a
/// breadth-first walk, since hashing an object can reach further objects).
///
/// With `symmetry`, live goroutines are listed in the order of `symmetry::order_by_key`, so
/// that states differing only by a permutation of goroutines share a fingerprint.
pub fn fingerprint(program: &Program, st: &State, scratch: &mut Scratch, symmetry: bool) -> u128 {
    lineage_order(st, scratch);
    if symmetry {
        super::symmetry::order_by_key(
            st,
            &mut scratch.rank,
            &mut scratch.order,
            &mut scratch.keys,
            &mut scratch.sorted,
        );
    }
    let Scratch {
        order,
        rank,
        obj_map,
        chan_map,
        sync_map,
        queue,
        timer_chans,
        words,
        segment_words,
        segment_refs,
        ..
    } = scratch;
    for (map, len) in [
        (&mut *obj_map, st.heap.len()),
        (&mut *chan_map, st.chans.len()),
        (&mut *sync_map, st.syncs.len()),
    ] {
        map.clear();
        map.resize(len, UNSEEN);
    }
    queue.clear();
    words.clear();
    let mut w = Walker {
        h: Words {
            words: std::mem::take(words),
        },
        names: Numbering {
            obj: obj_map,
            chan: chan_map,
            sync: sync_map,
            queue,
            counts: [0; 3],
        },
    };

    w.h.word(st.entry_returned as u64);
    match &st.end {
        None => w.h.word(0),
        Some(End::Exit(code)) => {
            w.h.word(1);
            w.h.word(*code as u64);
        }
        Some(End::Panic { message, .. }) => {
            w.h.word(2);
            w.h.bytes(message.as_bytes());
        }
        Some(End::TestFailed(test)) => {
            w.h.word(3);
            w.h.bytes(test.as_bytes());
        }
    }
    for value in st.globals.iter() {
        w.value(value);
    }
    w.h.word(order.len() as u64);
    for &g in order.iter() {
        let goroutine = st.goroutine(g);
        if goroutine.status == Status::Dead {
            w.h.word(0xdead);
            continue;
        }
        // The goroutine's words with the numbers of the objects it refers to taken out, then
        // those numbers: equal exactly when the words themselves are (up to the shape hash's
        // collisions), and the objects are numbered in the order the full walk would number them.
        let segment = goroutine
            .cache
            .segment(|| goroutine_segment(goroutine, segment_words, segment_refs));
        w.h.word(segment.shape[0]);
        w.h.word(segment.shape[1]);
        for &reference in segment.refs.iter() {
            let n = w.reference(reference);
            w.h.word(n as u64);
        }
    }
    // A pending AfterFunc timer's function will run: what it captures is live.
    for timer in &st.timers {
        if st.chans[timer.chan.0 as usize].after_func.is_some() {
            let n = w.reference(Ref::Chan(timer.chan));
            w.h.word(n as u64);
        }
    }
    let mut next = 0;
    while next < w.names.queue.len() {
        let reference = w.names.queue[next];
        next += 1;
        match reference {
            Ref::Obj(id) => match &st.heap[id.0 as usize] {
                Object::Cell(value) => {
                    w.h.word(10);
                    w.value(value);
                }
                Object::Array(items) => {
                    w.h.word(11);
                    w.h.word(items.len() as u64);
                    items.iter().for_each(|item| w.value(item));
                }
                Object::Map(entries) => {
                    w.h.word(12);
                    w.h.word(entries.len() as u64);
                    for (key, item) in entries.iter() {
                        w.value(key);
                        w.value(item);
                    }
                }
            },
            Ref::Chan(id) => {
                let chan = &st.chans[id.0 as usize];
                w.h.word(20);
                w.h.word(chan.elem.map_or(u64::MAX, |ty| ty.0 as u64));
                w.h.word(chan.cap as u64 | (chan.closed as u64) << 32);
                w.h.word(chan.buf.len() as u64);
                chan.buf.iter().for_each(|item| w.value(item));
                match &chan.after_func {
                    Some(func) => w.value(func),
                    None => w.h.word(0xaf),
                }
                for queue in [&chan.recvq, &chan.sendq] {
                    w.h.word(queue.len() as u64);
                    for waiter in queue {
                        w.h.word(rank[waiter.goroutine as usize - 1] as u64);
                        w.h.word(waiter.case.map_or(u64::MAX, u64::from));
                        w.value(&waiter.value);
                    }
                }
            }
            Ref::Sync(id) => {
                let (tag, state, waiters) = match &st.syncs[id.0 as usize] {
                    SyncObj::Mutex { locked, waiters } => (30, *locked as i64, waiters),
                    SyncObj::WaitGroup { counter, waiters } => (31, *counter, waiters),
                    other => {
                        w.sync_object(other, rank);
                        continue;
                    }
                };
                w.h.word(tag);
                w.h.word(state as u64);
                w.h.word(waiters.len() as u64);
                waiters
                    .iter()
                    .for_each(|&g| w.h.word(rank[g as usize - 1] as u64));
            }
        }
    }
    // Timers as a set of (canonical channel, period, deadline). A timer on an unreachable
    // channel cannot be observed, but it still counts: a state with such a timer pending can
    // still move (the timer fires) while the same state without it has ended, so the two must
    // not merge.
    timer_chans.clear();
    for timer in &st.timers {
        let chan = w.names.chan[timer.chan.0 as usize];
        let [period, due] = timer_deadline(program, st, timer);
        timer_chans.push([chan as u64, period, due]);
    }
    timer_chans.sort_unstable();
    w.h.word(timer_chans.len() as u64);
    for timer in timer_chans.iter() {
        timer.iter().for_each(|&word| w.h.word(word));
    }
    // The clock's reading itself matters only to a model that reads it.
    if program.reads_clock {
        w.h.word(st.now as u64);
    }
    let fingerprint = hash128(&w.h.words);
    *words = w.h.words;
    fingerprint
}

/// What a timer's schedule contributes to a state's identity: its period and how long until it
/// is due. The untimed clock ignores both (only whether it is a ticker) unless the model reads
/// the clock; then only what can still move the clock counts (a one-shot timer already overdue
/// is just due; an overdue ticker's phase decides its next deadline, runtime/time.go
/// `unlockAndRun`).
fn timer_deadline(program: &Program, st: &State, timer: &Timer) -> [u64; 2] {
    if program.clock == Clock::Untimed && !program.reads_clock {
        return [u64::from(timer.periodic()), 0];
    }
    let ahead = timer.when - st.now;
    let due = if ahead >= 0 {
        ahead as u64
    } else if timer.periodic() {
        // Overdue ticker: marked apart from any time ahead, with its phase.
        1 << 63 | ((-ahead) % timer.period) as u64
    } else {
        0
    };
    [timer.period as u64, due]
}

/// Computes `scratch.order` (goroutines in lineage preorder) and `scratch.rank` (the position of
/// each goroutine in it). A goroutine's children were created in spawn order, which is also
/// their number order, so walking children in number order is walking them in spawn order.
fn lineage_order(st: &State, scratch: &mut Scratch) {
    let count = st.goroutines.len();
    scratch.order.clear();
    scratch.rank.clear();
    // Fast path: when goroutine 1 created every other goroutine, the preorder is number order.
    if st
        .goroutines
        .iter()
        .skip(1)
        .all(|goroutine| goroutine.parent == 1)
    {
        scratch.order.extend(1..=count as Gid);
        scratch.rank.extend(0..count as u32);
        return;
    }
    for list in [
        &mut scratch.first_child,
        &mut scratch.next_sibling,
        &mut scratch.last_child,
    ] {
        list.clear();
        list.resize(count + 1, UNSEEN);
    }
    for goroutine in st.goroutines.iter().skip(1) {
        let (child, parent) = (goroutine.id as usize, goroutine.parent as usize);
        if scratch.first_child[parent] == UNSEEN {
            scratch.first_child[parent] = child as u32;
        } else {
            let last = scratch.last_child[parent] as usize;
            scratch.next_sibling[last] = child as u32;
        }
        scratch.last_child[parent] = child as u32;
    }
    scratch.rank.resize(count, 0);
    scratch.dfs.clear();
    scratch.dfs.push(1);
    while let Some(g) = scratch.dfs.pop() {
        scratch.rank[g as usize - 1] = scratch.order.len() as u32;
        scratch.order.push(g);
        // Push children in reverse so that the first child is visited first.
        let start = scratch.dfs.len();
        let mut child = scratch.first_child[g as usize];
        while child != UNSEEN {
            scratch.dfs.push(child);
            child = scratch.next_sibling[child as usize];
        }
        scratch.dfs[start..].reverse();
    }
}
