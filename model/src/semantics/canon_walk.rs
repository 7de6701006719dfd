//! The walk under the canonical fingerprint (`canon.rs`): the words a state's values,
//! goroutines and objects contribute, with every object reference replaced by a name the walk
//! chooses (its canonical number, or a placeholder in a goroutine's cached segment), and the
//! 128-bit hash of those words.
//!
//! Invariant: the words of a value depend only on its content and on the names given to the
//! objects it refers to, never on arena positions.

use super::goroutine_cache::Segment;
use super::state::{Blocked, Goroutine, Sema, Status, SyncObj, UnwindKind};
use super::value::{Gid, Ref, Value};

/// An object not named yet (and, in a frame, no closure environment).
pub(super) const UNSEEN: u32 = u32::MAX;

/// The canonical content of a state as a sequence of words, hashed at the end in one tight
/// loop (collecting first keeps the walk free of the hash's dependency chain).
pub(super) struct Words {
    pub(super) words: Vec<u64>,
}

impl Words {
    #[inline]
    pub(super) fn word(&mut self, word: u64) {
        self.words.push(word);
    }

    pub(super) fn bytes(&mut self, bytes: &[u8]) {
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
pub(super) fn hash128(words: &[u64]) -> u128 {
    #[inline]
    pub(super) fn fold(a: u64, b: u64) -> u64 {
        let product = (a as u128).wrapping_mul(b as u128);
        (product as u64) ^ ((product >> 64) as u64)
    }
    pub(super) fn avalanche(mut x: u64) -> u64 {
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

/// The words of a live goroutine with every object reference replaced by a placeholder, hashed,
/// and the references in walk order (the goroutine's cached `Segment`).
pub(super) fn goroutine_segment(
    goroutine: &Goroutine,
    words: &mut Vec<u64>,
    refs: &mut Vec<Ref>,
) -> Segment {
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
pub(super) trait Names {
    /// The name of a referenced object.
    fn name(&mut self, reference: Ref) -> u32;
}

/// Names objects by canonical number, in order of first reference, queueing each for the walk.
pub(super) struct Numbering<'a> {
    pub(super) obj: &'a mut Vec<u32>,
    pub(super) chan: &'a mut Vec<u32>,
    pub(super) sync: &'a mut Vec<u32>,
    pub(super) queue: &'a mut Vec<Ref>,
    pub(super) counts: [u32; 3],
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
pub(super) struct Recording<'a> {
    pub(super) refs: &'a mut Vec<Ref>,
}

impl Names for Recording<'_> {
    #[inline]
    fn name(&mut self, reference: Ref) -> u32 {
        self.refs.push(reference);
        0
    }
}

/// Hashes values while naming the objects they refer to.
pub(super) struct Walker<N> {
    pub(super) h: Words,
    pub(super) names: N,
}

impl<N: Names> Walker<N> {
    /// The name of a referenced object.
    #[inline]
    pub(super) fn reference(&mut self, reference: Ref) -> u32 {
        self.names.name(reference)
    }

    /// The words of a live goroutine.
    pub(super) fn goroutine(&mut self, goroutine: &Goroutine) {
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

    pub(super) fn blocked(&mut self, reason: Blocked) {
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
    pub(super) fn sync_object(&mut self, object: &SyncObj, rank: &[u32]) {
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

    /// The words of a value. The leaves (a word or two, most values of a state) are handled
    /// here, inlined into the walk's loops; strings, floats and composite values go through
    /// `composite`, so that the common case does not pay for a large recursive function's
    /// entry and exit.
    #[inline(always)]
    pub(super) fn value(&mut self, value: &Value) {
        match value {
            Value::Nil => self.h.word(0),
            Value::Int(v) => {
                self.h.word(1);
                self.h.word(*v as u64);
            }
            Value::Bool(v) => self.h.word(2 | (*v as u64) << 8),
            Value::Pointer(id) => {
                let n = self.reference(Ref::Obj(*id));
                self.h.word(4 | (n as u64) << 8);
            }
            Value::Sync(id) => {
                let n = self.reference(Ref::Sync(*id));
                self.h.word(8 | (n as u64) << 8);
            }
            Value::Chan(id) => {
                let n = self.reference(Ref::Chan(*id));
                self.h.word(7 | (n as u64) << 8);
            }
            _ => self.composite(value),
        }
    }

    #[inline(never)]
    fn composite(&mut self, value: &Value) {
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
            Value::Float(v) => {
                self.h.word(15);
                self.h.word(v.key());
            }
            Value::Str(text) => {
                self.h.word(3);
                self.h.bytes(text.as_bytes());
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
            Value::Func { func, env } => {
                let n = env.map_or(UNSEEN, |env| self.reference(Ref::Obj(env)));
                self.h.word(9 | (func.0 as u64) << 8);
                self.h.word(n as u64);
            }
            Value::Tuple(items) => {
                self.h.word(10 | (items.len() as u64) << 8);
                items.iter().for_each(|item| self.value(item));
            }
            Value::Nil
            | Value::Int(_)
            | Value::Bool(_)
            | Value::Pointer(_)
            | Value::Chan(_)
            | Value::Sync(_) => unreachable!("leaf values are hashed by `value`"),
        }
    }
}
