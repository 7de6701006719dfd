//! Canonical form and fingerprint of a state (DESIGN §3 "Identity").
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

use super::state::{Blocked, End, Object, State, Status, SyncObj, Unwinding};
use super::value::{Gid, Ref, Value};

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
    timer_chans: Vec<u32>,
}

/// A 128-bit hasher: two independent multiply-rotate lanes, finished with an avalanche. Fast on
/// the short integer words a state is made of.
struct Hasher128 {
    a: u64,
    b: u64,
}

impl Hasher128 {
    fn new() -> Self {
        Hasher128 {
            a: 0x243f_6a88_85a3_08d3,
            b: 0x1319_8a2e_0370_7344,
        }
    }

    #[inline]
    fn word(&mut self, word: u64) {
        self.a = (self.a ^ word)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
        self.b = (self.b ^ word.rotate_left(32))
            .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
            .rotate_left(31);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.word(bytes.len() as u64);
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.word(u64::from_le_bytes(word));
        }
    }

    fn finish(self) -> u128 {
        fn mix(mut x: u64) -> u64 {
            x ^= x >> 33;
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            x ^ (x >> 33)
        }
        let high = mix(self.a ^ self.b.rotate_left(17));
        let low = mix(self.b ^ high);
        ((high as u128) << 64) | low as u128
    }
}

/// The fingerprint of a state's canonical form.
pub fn fingerprint(st: &State, scratch: &mut Scratch) -> u128 {
    lineage_order(st, scratch);
    number_objects(st, scratch);
    let mut h = Hasher128::new();
    let maps = Maps {
        obj: &scratch.obj_map,
        chan: &scratch.chan_map,
        sync: &scratch.sync_map,
    };

    h.word(st.entry_returned as u64);
    match &st.end {
        None => h.word(0),
        Some(End::Exit(code)) => {
            h.word(1);
            h.word(*code as u64);
        }
        Some(End::Panic { message, .. }) => {
            h.word(2);
            h.bytes(message.as_bytes());
        }
    }
    for value in st.globals.iter() {
        hash_value(&mut h, value, &maps);
    }
    for &g in &scratch.order {
        let goroutine = st.goroutine(g);
        if goroutine.status == Status::Dead {
            h.word(0xdead);
            continue;
        }
        match goroutine.status {
            Status::Runnable => h.word(1),
            Status::Blocked(reason) => {
                h.word(2);
                hash_blocked(&mut h, reason, &maps);
            }
            Status::Dead => unreachable!(),
        }
        h.word(goroutine.lock_retry as u64);
        h.word(goroutine.frames.len() as u64);
        for frame in &goroutine.frames {
            h.word(((frame.func.0 as u64) << 32) | frame.pc as u64);
            h.word(frame.base as u64);
            h.word(frame.env.map_or(UNSEEN, |env| maps.obj[env.0 as usize]) as u64);
            h.word(
                frame.returning as u64
                    | (frame.deferred_call as u64) << 1
                    | (frame.can_recover as u64) << 2,
            );
        }
        h.word(goroutine.stack.len() as u64);
        for value in &goroutine.stack {
            hash_value(&mut h, value, &maps);
        }
        h.word(goroutine.defers.len() as u64);
        for deferred in &goroutine.defers {
            h.word(deferred.frame as u64);
            hash_value(&mut h, &deferred.func, &maps);
            h.word(deferred.args.len() as u64);
            for arg in &deferred.args {
                hash_value(&mut h, arg, &maps);
            }
        }
        match &goroutine.unwinding {
            None => h.word(0),
            Some(Unwinding::Goexit) => h.word(1),
            Some(Unwinding::Panic { value, .. }) => {
                h.word(2);
                hash_value(&mut h, value, &maps);
            }
        }
    }
    // Objects in canonical order: walk the queue again (it holds each reached object once, in
    // canonical order).
    for reference in &scratch.queue {
        match *reference {
            Ref::Obj(id) => match &st.heap[id.0 as usize] {
                Object::Cell(value) => {
                    h.word(10);
                    hash_value(&mut h, value, &maps);
                }
                Object::Array(items) => {
                    h.word(11);
                    h.word(items.len() as u64);
                    items
                        .iter()
                        .for_each(|item| hash_value(&mut h, item, &maps));
                }
                Object::Map(entries) => {
                    h.word(12);
                    h.word(entries.len() as u64);
                    for (key, item) in entries.iter() {
                        hash_value(&mut h, key, &maps);
                        hash_value(&mut h, item, &maps);
                    }
                }
            },
            Ref::Chan(id) => {
                let chan = &st.chans[id.0 as usize];
                h.word(20);
                h.word(chan.elem.map_or(u64::MAX, |ty| ty.0 as u64));
                h.word(chan.cap as u64 | (chan.closed as u64) << 32);
                h.word(chan.buf.len() as u64);
                chan.buf
                    .iter()
                    .for_each(|item| hash_value(&mut h, item, &maps));
                for queue in [&chan.recvq, &chan.sendq] {
                    h.word(queue.len() as u64);
                    for waiter in queue {
                        h.word(scratch.rank[waiter.goroutine as usize - 1] as u64);
                        h.word(waiter.case.map_or(u64::MAX, u64::from));
                        hash_value(&mut h, &waiter.value, &maps);
                    }
                }
            }
            Ref::Sync(id) => {
                let (tag, state, waiters) = match &st.syncs[id.0 as usize] {
                    SyncObj::Mutex { locked, waiters } => (30, *locked as i64, waiters),
                    SyncObj::WaitGroup { counter, waiters } => (31, *counter, waiters),
                };
                h.word(tag);
                h.word(state as u64);
                h.word(waiters.len() as u64);
                waiters
                    .iter()
                    .for_each(|&w| h.word(scratch.rank[w as usize - 1] as u64));
            }
        }
    }
    // Timers as a set of canonical channel numbers (a timer on an unreachable channel can fire
    // but nobody can observe it).
    scratch.timer_chans.clear();
    for timer in &st.timers {
        let chan = scratch.chan_map[timer.chan.0 as usize];
        if chan != UNSEEN {
            scratch.timer_chans.push(chan);
        }
    }
    scratch.timer_chans.sort_unstable();
    h.word(scratch.timer_chans.len() as u64);
    for &chan in &scratch.timer_chans {
        h.word(chan as u64);
    }
    h.finish()
}

/// Computes `scratch.order` (goroutines in lineage preorder) and `scratch.rank` (the position of
/// each goroutine in it). A goroutine's children were created in spawn order, which is also
/// their number order, so walking children in number order is walking them in spawn order.
fn lineage_order(st: &State, scratch: &mut Scratch) {
    let count = st.goroutines.len();
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
    scratch.order.clear();
    scratch.rank.clear();
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

/// Numbers every reachable object in breadth-first order from the roots.
fn number_objects(st: &State, scratch: &mut Scratch) {
    scratch.obj_map.clear();
    scratch.obj_map.resize(st.heap.len(), UNSEEN);
    scratch.chan_map.clear();
    scratch.chan_map.resize(st.chans.len(), UNSEEN);
    scratch.sync_map.clear();
    scratch.sync_map.resize(st.syncs.len(), UNSEEN);
    scratch.queue.clear();
    let mut counts = [0u32; 3];
    let Scratch {
        obj_map,
        chan_map,
        sync_map,
        queue,
        order,
        ..
    } = scratch;
    let mut reach = |reference: Ref, queue: &mut Vec<Ref>| {
        let (slot, count) = match reference {
            Ref::Obj(id) => (&mut obj_map[id.0 as usize], &mut counts[0]),
            Ref::Chan(id) => (&mut chan_map[id.0 as usize], &mut counts[1]),
            Ref::Sync(id) => (&mut sync_map[id.0 as usize], &mut counts[2]),
        };
        if *slot == UNSEEN {
            *slot = *count;
            *count += 1;
            queue.push(reference);
        }
    };
    for value in st.globals.iter() {
        value.for_each_ref(&mut |r| reach(r, queue));
    }
    for &g in order.iter() {
        let goroutine = st.goroutine(g);
        if goroutine.status == Status::Dead {
            continue;
        }
        match goroutine.status {
            Status::Blocked(Blocked::Send(id) | Blocked::Recv(id)) => reach(Ref::Chan(id), queue),
            Status::Blocked(Blocked::Lock(id) | Blocked::WaitGroup(id)) => {
                reach(Ref::Sync(id), queue)
            }
            _ => {}
        }
        for frame in &goroutine.frames {
            if let Some(env) = frame.env {
                reach(Ref::Obj(env), queue);
            }
        }
        for value in &goroutine.stack {
            value.for_each_ref(&mut |r| reach(r, queue));
        }
        for deferred in &goroutine.defers {
            deferred.func.for_each_ref(&mut |r| reach(r, queue));
            for arg in &deferred.args {
                arg.for_each_ref(&mut |r| reach(r, queue));
            }
        }
        if let Some(Unwinding::Panic { value, .. }) = &goroutine.unwinding {
            value.for_each_ref(&mut |r| reach(r, queue));
        }
    }
    let mut next = 0;
    while next < queue.len() {
        let reference = queue[next];
        next += 1;
        match reference {
            Ref::Obj(id) => match &st.heap[id.0 as usize] {
                Object::Cell(value) => value.for_each_ref(&mut |r| reach(r, queue)),
                Object::Array(items) => {
                    for item in items.iter() {
                        item.for_each_ref(&mut |r| reach(r, queue));
                    }
                }
                Object::Map(entries) => {
                    for (key, item) in entries.iter() {
                        key.for_each_ref(&mut |r| reach(r, queue));
                        item.for_each_ref(&mut |r| reach(r, queue));
                    }
                }
            },
            Ref::Chan(id) => {
                let chan = &st.chans[id.0 as usize];
                for item in chan.buf.iter().chain(chan.sendq.iter().map(|w| &w.value)) {
                    item.for_each_ref(&mut |r| reach(r, queue));
                }
            }
            Ref::Sync(_) => {}
        }
    }
}

struct Maps<'a> {
    obj: &'a [u32],
    chan: &'a [u32],
    sync: &'a [u32],
}

fn hash_blocked(h: &mut Hasher128, reason: Blocked, maps: &Maps) {
    let (tag, id) = match reason {
        Blocked::Send(id) => (1, maps.chan[id.0 as usize]),
        Blocked::Recv(id) => (2, maps.chan[id.0 as usize]),
        Blocked::SendNil => (3, 0),
        Blocked::RecvNil => (4, 0),
        Blocked::Select => (5, 0),
        Blocked::SelectNoCases => (6, 0),
        Blocked::Lock(id) => (7, maps.sync[id.0 as usize]),
        Blocked::WaitGroup(id) => (8, maps.sync[id.0 as usize]),
    };
    h.word(tag << 32 | id as u64);
}

fn hash_value(h: &mut Hasher128, value: &Value, maps: &Maps) {
    match value {
        Value::Nil => h.word(0),
        Value::Int(v) => {
            h.word(1);
            h.word(*v as u64);
        }
        Value::Bool(v) => h.word(2 | (*v as u64) << 8),
        Value::Str(text) => {
            h.word(3);
            h.bytes(text.as_bytes());
        }
        Value::Pointer(id) => h.word(4 | (maps.obj[id.0 as usize] as u64) << 8),
        Value::Slice {
            array,
            offset,
            len,
            cap,
        } => {
            h.word(5 | (maps.obj[array.0 as usize] as u64) << 8);
            h.word((*offset as u64) << 32 | *len as u64);
            h.word(*cap as u64);
        }
        Value::Map(id) => h.word(6 | (maps.obj[id.0 as usize] as u64) << 8),
        Value::Chan(id) => h.word(7 | (maps.chan[id.0 as usize] as u64) << 8),
        Value::Sync(id) => h.word(8 | (maps.sync[id.0 as usize] as u64) << 8),
        Value::Func { func, env } => {
            h.word(9 | (func.0 as u64) << 8);
            h.word(env.map_or(UNSEEN, |env| maps.obj[env.0 as usize]) as u64);
        }
        Value::Tuple(items) => {
            h.word(10 | (items.len() as u64) << 8);
            items.iter().for_each(|item| hash_value(h, item, maps));
        }
    }
}
