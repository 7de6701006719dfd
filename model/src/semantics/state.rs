//! The state of a whole program: goroutines, heap, channels, sync objects, timers, globals.
//!
//! Invariants (checked by `invariants::check` after every step in debug builds):
//! - `goroutines[i].id == i + 1`; goroutine 1 runs the start function.
//! - A `Runnable` goroutine's innermost frame stands at a sync instruction (`Instr::is_sync`): the
//!   local computation before it has already run, so its choices can be listed without running it.
//! - A `Blocked` goroutine stands at the instruction it blocked in and appears in exactly the
//!   wait queues its `Blocked` reason names (one per case for a `select`).
//! - A `Dead` goroutine has no frames, no stack and no deferred calls.
//! - Every id in a reachable value indexes its arena.
//! - Once `end` is set, nothing moves any more.

use std::sync::Arc;

use super::value::{ChanId, Gid, ObjId, SyncId, Value};
use crate::program::{FuncId, TypeId};

/// The whole program state. Goroutines are shared copy-on-write between a state and its
/// successors: a step clones only the goroutines it changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct State {
    /// Goroutine `id` is at index `id - 1`.
    pub goroutines: Vec<Arc<Goroutine>>,
    /// Package-level variables, indexed by `GlobalId`.
    pub globals: Arc<Vec<Value>>,
    /// Heap objects (copy-on-write, like every arena: write through `heap_mut`).
    pub heap: Arc<Vec<Object>>,
    /// Channels (write through `chans_mut`).
    pub chans: Arc<Vec<Chan>>,
    /// Sync objects (write through `syncs_mut`).
    pub syncs: Arc<Vec<SyncObj>>,
    /// Timers not yet fired, in creation order.
    pub timers: Vec<Timer>,
    /// The clock's reading, in nanoseconds since the program started: the deadline of the
    /// latest timer that fired (`program::Clock` says when timers fire).
    pub now: i64,
    /// Whether goroutine 1 returned from the entry function (rather than calling `Goexit`).
    pub entry_returned: bool,
    /// How the program ended, once it has: `os.Exit` or an unrecovered panic.
    pub end: Option<End>,
}

/// How a program ended before all goroutines stopped.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum End {
    /// `os.Exit(code)`.
    Exit(i64),
    /// The test of this name failed (`gomc test`; stdlib/testing.go's runTest).
    TestFailed(String),
    /// An unrecovered panic in `goroutine`, with Go's message (`send on closed channel`,
    /// or the formatted panic value with `[recovered]` chains left out).
    Panic {
        /// The goroutine that panicked.
        goroutine: Gid,
        /// The message after `panic: `.
        message: String,
        /// Where the panic started: the function and instruction of each frame, outermost
        /// first.
        stack: Vec<(FuncId, u32)>,
    },
}

/// One goroutine.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Goroutine {
    /// Go's goroutine number.
    pub id: Gid,
    /// The goroutine whose `go` statement created this one (0 for goroutine 1).
    pub parent: Gid,
    /// How many goroutines `parent` had created before this one: with `parent`, the goroutine's
    /// identity independent of the global creation order (used by canonicalization).
    pub spawn_index: u32,
    /// The function and instruction of the `go` statement that created it.
    pub created_at: Option<(FuncId, u32)>,
    /// How many goroutines this one has created.
    pub spawned: u32,
    /// How many timers this one has created.
    pub timers_created: u32,
    /// Runnable, blocked or dead.
    pub status: Status,
    /// The value stack: each frame's locals followed by its operands.
    pub stack: Vec<Value>,
    /// Call frames, innermost last.
    pub frames: Vec<Frame>,
    /// Deferred calls not yet run, innermost last.
    pub defers: Vec<Deferred>,
    /// The goroutine's active panics and `Goexit`s, oldest first (runtime2.go's `_panic` chain,
    /// `gp._panic` last). Empty unless the goroutine unwinds or runs a deferred call of one.
    pub unwinding: Vec<Unwinding>,
    /// Set when a parked goroutine was woken to run its operation again rather than having it
    /// finished for it: a `Lock` woken by `Unlock` retries, and if it fails again queues at the
    /// front, as sync/mutex.go does for woken waiters; a `Wait` woken by the `Add` that brought
    /// the counter to 0 checks that the WaitGroup was not reused meanwhile (sync/waitgroup.go).
    pub woken_retry: bool,
    /// What the canonical form computed from this goroutine (a cache: not part of its
    /// content; cleared by `State::goroutine_mut`).
    #[serde(skip)]
    pub cache: super::goroutine_cache::GoroutineCache,
}

/// What a goroutine does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// Can take its next operation.
    Runnable,
    /// Parked.
    Blocked(Blocked),
    /// Finished.
    Dead,
}

/// Why a goroutine is parked: the object and Go's wait reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Blocked {
    /// In `sendq` of the channel.
    Send(ChanId),
    /// In `recvq` of the channel.
    Recv(ChanId),
    /// Send on a nil channel: forever.
    SendNil,
    /// Receive from a nil channel: forever.
    RecvNil,
    /// In the queues of every channel of a `select`.
    Select,
    /// `select {}` or a select whose channels are all nil: forever.
    SelectNoCases,
    /// In the mutex's wait queue (or an RWMutex's writer queue `rw.w`: a writer waiting for
    /// another writer).
    Lock(SyncId),
    /// In the WaitGroup's wait queue.
    WaitGroup(SyncId),
    /// `RLock`: on the RWMutex's reader semaphore, behind a pending or active writer.
    RLock(SyncId),
    /// `Lock` of an RWMutex: on its writer semaphore, waiting for the readers to leave.
    RWLock(SyncId),
    /// `Once.Do`: waiting for the call that runs the function (on the Once's mutex in Go).
    Once(SyncId),
    /// `Cond.Wait`: in the Cond's notify list.
    Cond(SyncId),
    /// `synctest.Wait`: until every other goroutine is blocked.
    SynctestWait,
}

/// A call frame.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Frame {
    /// The function running.
    pub func: FuncId,
    /// Index of the next instruction.
    pub pc: u32,
    /// Index in the goroutine's stack of local 0.
    pub base: u32,
    /// The closure environment, if a closure is running.
    pub env: Option<ObjId>,
    /// Whether the frame executed `Return` and is running its deferred calls.
    pub returning: bool,
    /// Whether this frame is a deferred call (run by a return or by unwinding), whose results
    /// are dropped.
    pub deferred_call: bool,
}

/// A deferred call: the function value and its arguments, evaluated at the `defer` statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Deferred {
    /// The index in `frames` of the frame that deferred it.
    pub frame: u32,
    /// The function value.
    pub func: Value,
    /// The arguments.
    pub args: Vec<Value>,
}

/// One active panic or `Goexit` of a goroutine (runtime/panic.go's `_panic`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Unwinding {
    /// A panic or a `Goexit`.
    pub kind: UnwindKind,
    /// The index in `frames` of the deferred call it is running (runtime/panic.go's `p.argp`:
    /// only that frame's `recover` sees the panic), once it has started one.
    pub invoked: Option<u32>,
}

/// Why a goroutine unwinds its stack.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum UnwindKind {
    /// A panic.
    Panic {
        /// The value given to `panic` (an error value for runtime errors).
        value: Value,
        /// The text Go prints after `panic: ` (runtime/panic.go's `printpanicval`).
        message: String,
        /// Whether a deferred call has recovered it; it leaves the chain when that call returns.
        recovered: bool,
        /// Where it started: the function and instruction of each frame, outermost first (for
        /// the `goroutine N [running]` dump of an unrecovered panic).
        stack: Vec<(FuncId, u32)>,
    },
    /// `runtime.Goexit`.
    Goexit,
}

/// A heap object.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Object {
    /// A variable: the target of a pointer.
    Cell(Value),
    /// A slice's backing array, or a closure's captured cells.
    Array(Arc<Vec<Value>>),
    /// A map's entries, sorted by key.
    Map(Arc<Vec<(Value, Value)>>),
}

/// A channel (runtime/chan.go's `hchan`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Chan {
    /// Element type, for the zero value of a receive from a closed channel (`None` for a
    /// timer's channel, whose values are never inspected).
    pub elem: Option<TypeId>,
    /// Capacity (0: unbuffered).
    pub cap: u32,
    /// Buffered values, oldest first.
    pub buf: Vec<Value>,
    /// Whether `close` was called.
    pub closed: bool,
    /// Parked receivers, oldest first.
    pub recvq: Vec<Waiter>,
    /// Parked senders with their values, oldest first.
    pub sendq: Vec<Waiter>,
    /// For the channel of a `time.AfterFunc` timer: the function each firing runs in a new
    /// goroutine (nothing is sent on the channel).
    pub after_func: Option<Value>,
}

/// A goroutine parked on a channel (runtime2.go's `sudog`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Waiter {
    /// The goroutine.
    pub goroutine: Gid,
    /// The case index when parked in a `select`, else `None`.
    pub case: Option<u32>,
    /// The value to send (senders only; `Nil` for receivers).
    pub value: Value,
}

/// A sync object.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SyncObj {
    /// `sync.Mutex`.
    Mutex {
        /// Held by some goroutine (a mutex has no owner in Go).
        locked: bool,
        /// Parked `Lock` callers, oldest first.
        waiters: Vec<Gid>,
    },
    /// `sync.WaitGroup`.
    WaitGroup {
        /// The counter.
        counter: i64,
        /// Parked `Wait` callers.
        waiters: Vec<Gid>,
    },
    /// `sync.RWMutex` (see `rwmutex.rs`).
    RWMutex(RWMutexState),
    /// `sync.Once`: `done` once a `Do` call's function has returned, panicked or exited; `running`
    /// while one runs; `waiters` are parked concurrent `Do` callers (see `once.rs`).
    Once {
        /// `o.done`.
        done: bool,
        /// A `Do` call is running its function (holding `o.m`).
        running: bool,
        /// Parked `Do` callers, oldest first.
        waiters: Vec<Gid>,
    },
    /// `sync.Cond` (see `cond.rs`).
    Cond {
        /// `c.L`: the `Locker` value (a pointer to a mutex), or nil.
        locker: Value,
        /// Parked `Wait` callers, oldest first (the notify list's ticket order).
        waiters: Vec<Gid>,
    },
    /// `sync.Map` (see `syncmap.rs`): entries sorted by key.
    Map(Vec<(Value, Value)>),
}

/// The state of a `sync.RWMutex`: sync/rwmutex.go's fields, with its two semaphores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RWMutexState {
    /// `rw.w` is locked: by the writer that holds the lock or waits for the readers to leave.
    pub writer: bool,
    /// Parked `rw.w.Lock` callers (writers waiting for another writer), oldest first.
    pub writer_queue: Vec<Gid>,
    /// `rw.readerCount`: readers that hold or wait for the lock, minus `rwmutexMaxReaders` while
    /// a writer is pending or active.
    pub reader_count: i64,
    /// `rw.readerWait`: departing readers the pending writer still waits for.
    pub reader_wait: i64,
    /// `rw.readerSem`: its count and its parked readers, oldest first.
    pub reader_sem: Sema,
    /// `rw.writerSem`: its count and its parked writer.
    pub writer_sem: Sema,
}

/// A runtime semaphore (runtime/sema.go): a count and a FIFO of parked acquirers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Sema {
    /// Releases not yet consumed.
    pub count: u32,
    /// Parked acquirers, oldest first.
    pub waiters: Vec<Gid>,
}

/// A pending timer: it fills its channel (or starts its AfterFunc) when it fires.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Timer {
    /// The channel it fills.
    pub chan: ChanId,
    /// The goroutine that created it.
    pub owner: Gid,
    /// Its index among the owner's timers.
    pub nth: u32,
    /// When it is due, on the clock of `State::now`.
    pub when: i64,
    /// A ticker's period (positive): it stays pending after it fires, due again `period`
    /// later. 0 for a one-shot timer.
    pub period: i64,
}

impl Timer {
    /// A ticker's timer: it stays pending after it fires.
    pub fn periodic(&self) -> bool {
        self.period > 0
    }
}

impl State {
    /// The goroutine with Go number `id`.
    pub fn goroutine(&self, id: Gid) -> &Goroutine {
        &self.goroutines[id as usize - 1]
    }

    /// The goroutine with Go number `id`, for writing (copies it if shared with another state).
    pub fn goroutine_mut(&mut self, id: Gid) -> &mut Goroutine {
        let goroutine = Arc::make_mut(&mut self.goroutines[id as usize - 1]);
        goroutine.cache.clear();
        goroutine
    }

    /// The heap, for writing (copies it if shared with another state).
    pub fn heap_mut(&mut self) -> &mut Vec<Object> {
        Arc::make_mut(&mut self.heap)
    }

    /// The channels, for writing.
    pub fn chans_mut(&mut self) -> &mut Vec<Chan> {
        Arc::make_mut(&mut self.chans)
    }

    /// The sync objects, for writing.
    pub fn syncs_mut(&mut self) -> &mut Vec<SyncObj> {
        Arc::make_mut(&mut self.syncs)
    }

    /// The channel with this id, for writing.
    pub fn chan_mut(&mut self, id: ChanId) -> &mut Chan {
        &mut self.chans_mut()[id.0 as usize]
    }

    /// The sync object with this id, for writing.
    pub fn sync_mut(&mut self, id: SyncId) -> &mut SyncObj {
        &mut self.syncs_mut()[id.0 as usize]
    }

    /// Allocates a heap object.
    pub fn alloc(&mut self, object: Object) -> ObjId {
        let heap = self.heap_mut();
        heap.push(object);
        ObjId(heap.len() as u32 - 1)
    }
}

impl Goroutine {
    /// The innermost frame. Only for goroutines that are not dead.
    pub fn top(&self) -> &Frame {
        self.frames
            .last()
            .expect("internal error: frame of a dead goroutine")
    }

    /// The innermost frame, for writing.
    pub fn top_mut(&mut self) -> &mut Frame {
        self.frames
            .last_mut()
            .expect("internal error: frame of a dead goroutine")
    }

    /// Pops the top operand.
    pub fn pop(&mut self) -> Value {
        self.stack
            .pop()
            .expect("internal error: operand stack underflow")
    }

    /// Pops the top `n` operands, oldest first.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len() - n;
        self.stack.split_off(at)
    }

    /// The operand `depth` places below the top (0 is the top).
    pub fn peek(&self, depth: usize) -> &Value {
        &self.stack[self.stack.len() - 1 - depth]
    }

    /// Pushes an operand.
    pub fn push(&mut self, value: Value) {
        self.stack.push(value);
    }
}
