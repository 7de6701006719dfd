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

use super::goroutine_cache::Segment;
use super::state::{
    Blocked, End, Goroutine, Object, Sema, State, Status, SyncObj, Timer, UnwindKind,
};
use super::value::{Gid, Ref, Value};
use crate::program::{Clock, Program};

const UNSEEN: u32 = u32::MAX;

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
    timer_chans: Vec<[u64; 3]>,
    words: Vec<u64>,
    segment_words: Vec<u64>,
    segment_refs: Vec<Ref>,
}

/// The canonical content of a state as a sequence of words, hashed at the end in one tight
/// loop (collecting first keeps the walk free of the hash's dependency chain).
struct Words {
    words: Vec<u64>,
}

impl Words {
    #[inline]
    fn word(&mut self, word: u64) {
        self.words.push(word);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.word(bytes.len() as u64);
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.word(u64::from_le_bytes(word));
        }
    }
}

/// Hashes the words to 128 bits: four lanes, each folding two words per 64×64→128-bit multiply
/// (the wyhash construction), finished by folding the lanes into two and an avalanche of both.
/// Lanes a and b read the same pair of words (so that each pair reaches 128 bits of state), c
/// and d the next pair: four independent multiplies per four words, which keeps the
/// multiplier busy where one chain of dependent multiplies would wait on each.
fn hash128(words: &[u64]) -> u128 {
    #[inline]
    fn fold(a: u64, b: u64) -> u64 {
        let product = (a as u128).wrapping_mul(b as u128);
        (product as u64) ^ ((product >> 64) as u64)
    }
    fn avalanche(mut x: u64) -> u64 {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
    const K: [u64; 4] = [
        0xa076_1d64_78bd_642f,
        0xe703_7ed1_a0b4_28db,
        0x8ebc_6af0_9c88_c6e3,
        0x5899_65cc_7537_4cc3,
    ];
    let length = words.len() as u64;
    let mut lane_a = K[0] ^ length;
    let mut lane_b = K[1].rotate_left(17) ^ length;
    let mut lane_c = K[2].rotate_left(31) ^ length;
    let mut lane_d = K[3].rotate_left(47) ^ length;
    let mut quads = words.chunks_exact(4);
    for quad in &mut quads {
        lane_a = fold(quad[0] ^ K[2] ^ lane_a, quad[1] ^ K[3]);
        lane_b = fold(quad[1] ^ K[0] ^ lane_b, quad[0] ^ K[1]);
        lane_c = fold(quad[2] ^ K[2] ^ lane_c, quad[3] ^ K[3]);
        lane_d = fold(quad[3] ^ K[0] ^ lane_d, quad[2] ^ K[1]);
    }
    let mut rest = quads.remainder().chunks_exact(2);
    for pair in &mut rest {
        lane_a = fold(pair[0] ^ K[2] ^ lane_a, pair[1] ^ K[3]);
        lane_b = fold(pair[1] ^ K[0] ^ lane_b, pair[0] ^ K[1]);
    }
    if let [last] = rest.remainder() {
        lane_a = fold(last ^ K[2] ^ lane_a, K[3]);
        lane_b = fold(last ^ K[0] ^ lane_b, K[1]);
    }
    lane_a = fold(lane_a ^ K[1], lane_c ^ K[2]);
    lane_b = fold(lane_b ^ K[3], lane_d ^ K[0]);
    let high = avalanche(lane_a ^ lane_b.rotate_left(29));
    let low = avalanche(lane_b ^ high.wrapping_mul(K[2]));
    ((high as u128) << 64) | low as u128
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
        super::symmetry::order_by_key(st, &mut scratch.rank, &mut scratch.order, &mut scratch.keys);
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

/// The words of a live goroutine with every object reference replaced by a placeholder, hashed,
/// and the references in walk order (the goroutine's cached `Segment`).
fn goroutine_segment(goroutine: &Goroutine, words: &mut Vec<u64>, refs: &mut Vec<Ref>) -> Segment {
    words.clear();
    refs.clear();
    let mut w = Walker {
        h: Words {
            words: std::mem::take(words),
        },
        names: Recording { refs },
    };
    w.goroutine(goroutine);
    let shape = hash128(&w.h.words);
    *words = w.h.words;
    Segment {
        shape: [shape as u64, (shape >> 64) as u64],
        refs: refs.as_slice().into(),
    }
}

/// How a walk names the objects that the words it hashes refer to.
trait Names {
    /// The name of a referenced object.
    fn name(&mut self, reference: Ref) -> u32;
}

/// Names objects by canonical number, in order of first reference, queueing each for the walk.
struct Numbering<'a> {
    obj: &'a mut Vec<u32>,
    chan: &'a mut Vec<u32>,
    sync: &'a mut Vec<u32>,
    queue: &'a mut Vec<Ref>,
    counts: [u32; 3],
}

impl Names for Numbering<'_> {
    #[inline]
    fn name(&mut self, reference: Ref) -> u32 {
        let (slot, count) = match reference {
            Ref::Obj(id) => (&mut self.obj[id.0 as usize], &mut self.counts[0]),
            Ref::Chan(id) => (&mut self.chan[id.0 as usize], &mut self.counts[1]),
            Ref::Sync(id) => (&mut self.sync[id.0 as usize], &mut self.counts[2]),
        };
        if *slot == UNSEEN {
            *slot = *count;
            *count += 1;
            self.queue.push(reference);
        }
        *slot
    }
}

/// Names every object with one placeholder (distinct from `UNSEEN`, which stands for "no
/// object"), recording the references in order: a goroutine's segment.
struct Recording<'a> {
    refs: &'a mut Vec<Ref>,
}

impl Names for Recording<'_> {
    #[inline]
    fn name(&mut self, reference: Ref) -> u32 {
        self.refs.push(reference);
        0
    }
}

/// Hashes values while naming the objects they refer to.
struct Walker<N> {
    h: Words,
    names: N,
}

impl<N: Names> Walker<N> {
    /// The name of a referenced object.
    #[inline]
    fn reference(&mut self, reference: Ref) -> u32 {
        self.names.name(reference)
    }

    /// The words of a live goroutine.
    fn goroutine(&mut self, goroutine: &Goroutine) {
        let w = self;
        match goroutine.status {
            Status::Dead => unreachable!("dead goroutines have no segment"),
            Status::Runnable => w.h.word(1),
            Status::Blocked(reason) => {
                w.h.word(2);
                w.blocked(reason);
            }
        }
        w.h.word(goroutine.woken_retry as u64);
        w.h.word(goroutine.frames.len() as u64);
        for frame in &goroutine.frames {
            w.h.word(((frame.func.0 as u64) << 32) | frame.pc as u64);
            let env = frame.env.map_or(UNSEEN, |env| w.reference(Ref::Obj(env)));
            w.h.word((frame.base as u64) << 32 | env as u64);
            w.h.word(frame.returning as u64 | (frame.deferred_call as u64) << 1);
        }
        w.h.word(goroutine.stack.len() as u64);
        for value in &goroutine.stack {
            w.value(value);
        }
        w.h.word(goroutine.defers.len() as u64);
        for deferred in &goroutine.defers {
            w.h.word(deferred.frame as u64);
            w.value(&deferred.func);
            w.h.word(deferred.args.len() as u64);
            for arg in &deferred.args {
                w.value(arg);
            }
        }
        w.h.word(goroutine.unwinding.len() as u64);
        for unwinding in &goroutine.unwinding {
            w.h.word(unwinding.invoked.map_or(u64::MAX, u64::from));
            match &unwinding.kind {
                UnwindKind::Goexit => w.h.word(1),
                // The stack where the panic started only serves the dump: not hashed.
                UnwindKind::Panic {
                    value,
                    message,
                    recovered,
                    ..
                } => {
                    w.h.word(2 | (*recovered as u64) << 8);
                    w.value(value);
                    w.h.bytes(message.as_bytes());
                }
            }
        }
    }

    fn blocked(&mut self, reason: Blocked) {
        let (tag, id) = match reason {
            Blocked::Send(id) => (1, self.reference(Ref::Chan(id))),
            Blocked::Recv(id) => (2, self.reference(Ref::Chan(id))),
            Blocked::SendNil => (3, 0),
            Blocked::RecvNil => (4, 0),
            Blocked::Select => (5, 0),
            Blocked::SelectNoCases => (6, 0),
            Blocked::Lock(id) => (7, self.reference(Ref::Sync(id))),
            Blocked::WaitGroup(id) => (8, self.reference(Ref::Sync(id))),
            Blocked::RLock(id) => (9, self.reference(Ref::Sync(id))),
            Blocked::RWLock(id) => (10, self.reference(Ref::Sync(id))),
            Blocked::Once(id) => (11, self.reference(Ref::Sync(id))),
            Blocked::Cond(id) => (12, self.reference(Ref::Sync(id))),
            Blocked::SynctestWait => (13, 0),
        };
        self.h.word(tag << 32 | id as u64);
    }

    /// Hashes the sync objects other than Mutex and WaitGroup (goroutines by lineage rank).
    fn sync_object(&mut self, object: &SyncObj, rank: &[u32]) {
        let queue = |w: &mut Self, waiters: &[Gid]| {
            w.h.word(waiters.len() as u64);
            waiters
                .iter()
                .for_each(|&g| w.h.word(rank[g as usize - 1] as u64));
        };
        match object {
            SyncObj::Mutex { .. } | SyncObj::WaitGroup { .. } => {
                unreachable!("hashed by the caller")
            }
            SyncObj::RWMutex(rw) => {
                self.h.word(32 | (rw.writer as u64) << 8);
                self.h.word(rw.reader_count as u64);
                self.h.word(rw.reader_wait as u64);
                queue(self, &rw.writer_queue);
                for Sema { count, waiters } in [&rw.reader_sem, &rw.writer_sem] {
                    self.h.word(*count as u64);
                    queue(self, waiters);
                }
            }
            SyncObj::Once {
                done,
                running,
                waiters,
            } => {
                self.h
                    .word(33 | (*done as u64) << 8 | (*running as u64) << 9);
                queue(self, waiters);
            }
            SyncObj::Cond { locker, waiters } => {
                self.h.word(34);
                self.value(locker);
                queue(self, waiters);
            }
            SyncObj::Map(entries) => {
                self.h.word(35);
                self.h.word(entries.len() as u64);
                for (key, item) in entries {
                    self.value(key);
                    self.value(item);
                }
            }
        }
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Inner(inner) => {
                let n = self.reference(Ref::Obj(inner.obj));
                self.h.word(11 | (n as u64) << 8);
                self.h.word(inner.element.map_or(u64::MAX, u64::from));
                self.h.word(inner.path.len() as u64);
                inner
                    .path
                    .iter()
                    .for_each(|&index| self.h.word(index as u64));
            }
            Value::Error(id) => {
                let n = self.reference(Ref::Obj(*id));
                self.h.word(12 | (n as u64) << 8);
            }
            Value::Array(items) => {
                self.h.word(13 | (items.len() as u64) << 8);
                items.iter().for_each(|item| self.value(item));
            }
            Value::Boxed(boxed) => {
                self.h.word(14 | (boxed.ty.0 as u64) << 8);
                self.value(&boxed.value);
            }
            Value::Nil => self.h.word(0),
            Value::Int(v) => {
                self.h.word(1);
                self.h.word(*v as u64);
            }
            Value::Bool(v) => self.h.word(2 | (*v as u64) << 8),
            Value::Float(v) => {
                self.h.word(15);
                self.h.word(v.key());
            }
            Value::Str(text) => {
                self.h.word(3);
                self.h.bytes(text.as_bytes());
            }
            Value::Pointer(id) => {
                let n = self.reference(Ref::Obj(*id));
                self.h.word(4 | (n as u64) << 8);
            }
            Value::Slice {
                array,
                offset,
                len,
                cap,
            } => {
                let n = self.reference(Ref::Obj(*array));
                self.h.word(5 | (n as u64) << 8);
                self.h.word((*offset as u64) << 32 | *len as u64);
                self.h.word(*cap as u64);
            }
            Value::Map(id) => {
                let n = self.reference(Ref::Obj(*id));
                self.h.word(6 | (n as u64) << 8);
            }
            Value::Chan(id) => {
                let n = self.reference(Ref::Chan(*id));
                self.h.word(7 | (n as u64) << 8);
            }
            Value::Sync(id) => {
                let n = self.reference(Ref::Sync(*id));
                self.h.word(8 | (n as u64) << 8);
            }
            Value::Func { func, env } => {
                let n = env.map_or(UNSEEN, |env| self.reference(Ref::Obj(env)));
                self.h.word(9 | (func.0 as u64) << 8);
                self.h.word(n as u64);
            }
            Value::Tuple(items) => {
                self.h.word(10 | (items.len() as u64) << 8);
                items.iter().for_each(|item| self.value(item));
            }
        }
    }
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
