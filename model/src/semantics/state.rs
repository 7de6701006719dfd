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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {
    /// Goroutine `id` is at index `id - 1`.
    pub goroutines: Vec<Arc<Goroutine>>,
    /// Package-level variables, indexed by `GlobalId`.
    pub globals: Arc<Vec<Value>>,
    /// Heap objects.
    pub heap: Vec<Object>,
    /// Channels.
    pub chans: Vec<Chan>,
    /// Sync objects.
    pub syncs: Vec<SyncObj>,
    /// Timers not yet fired, in creation order.
    pub timers: Vec<Timer>,
    /// Whether goroutine 1 returned from the entry function (rather than calling `Goexit`).
    pub entry_returned: bool,
    /// How the program ended, once it has: `os.Exit` or an unrecovered panic.
    pub end: Option<End>,
}

/// How a program ended before all goroutines stopped.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum End {
    /// `os.Exit(code)`.
    Exit(i64),
    /// An unrecovered panic in `goroutine`, with Go's message (`send on closed channel`,
    /// or the formatted panic value with `[recovered]` chains left out).
    Panic {
        /// The goroutine that panicked.
        goroutine: Gid,
        /// The message after `panic: `.
        message: String,
    },
}

/// One goroutine.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    /// Set while the goroutine unwinds for a panic or `Goexit`.
    pub unwinding: Option<Unwinding>,
    /// Set when a `Lock` that was woken by `Unlock` must retry: if it fails again the goroutine
    /// queues at the front, as sync/mutex.go does for woken waiters.
    pub lock_retry: bool,
}

/// What a goroutine does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Can take its next operation.
    Runnable,
    /// Parked.
    Blocked(Blocked),
    /// Finished.
    Dead,
}

/// Why a goroutine is parked: the object and Go's wait reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// In the mutex's wait queue.
    Lock(SyncId),
    /// In the WaitGroup's wait queue.
    WaitGroup(SyncId),
}

/// A call frame.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    /// Whether `recover` called directly in this frame stops the current panic: true for a
    /// deferred call started by a panic's unwinding (runtime/panic.go's `gorecover` rule).
    pub can_recover: bool,
}

/// A deferred call: the function value and its arguments, evaluated at the `defer` statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Deferred {
    /// The index in `frames` of the frame that deferred it.
    pub frame: u32,
    /// The function value.
    pub func: Value,
    /// The arguments.
    pub args: Vec<Value>,
}

/// Why a goroutine unwinds its stack.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Unwinding {
    /// A panic with this value, not yet recovered. `message` is Go's text for it.
    Panic {
        /// The value given to `panic` (or the runtime error's message as a string).
        value: Value,
        /// The text Go prints after `panic: `.
        message: String,
    },
    /// `runtime.Goexit`.
    Goexit,
}

/// A heap object.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Object {
    /// A variable: the target of a pointer.
    Cell(Value),
    /// A slice's backing array, or a closure's captured cells.
    Array(Arc<Vec<Value>>),
    /// A map's entries, sorted by key.
    Map(Arc<Vec<(Value, Value)>>),
}

/// A channel (runtime/chan.go's `hchan`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
}

/// A goroutine parked on a channel (runtime2.go's `sudog`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Waiter {
    /// The goroutine.
    pub goroutine: Gid,
    /// The case index when parked in a `select`, else `None`.
    pub case: Option<u32>,
    /// The value to send (senders only; `Nil` for receivers).
    pub value: Value,
}

/// A sync object.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
}

/// A timer that may fire into its channel at any point (`time.After`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timer {
    /// The channel it fills.
    pub chan: ChanId,
    /// The goroutine that created it.
    pub owner: Gid,
    /// Its index among the owner's timers.
    pub nth: u32,
}

impl State {
    /// The goroutine with Go number `id`.
    pub fn goroutine(&self, id: Gid) -> &Goroutine {
        &self.goroutines[id as usize - 1]
    }

    /// The goroutine with Go number `id`, for writing (copies it if shared with another state).
    pub fn goroutine_mut(&mut self, id: Gid) -> &mut Goroutine {
        Arc::make_mut(&mut self.goroutines[id as usize - 1])
    }

    /// The channel with this id.
    pub fn chan_mut(&mut self, id: ChanId) -> &mut Chan {
        &mut self.chans[id.0 as usize]
    }

    /// Allocates a heap object.
    pub fn alloc(&mut self, object: Object) -> ObjId {
        self.heap.push(object);
        ObjId(self.heap.len() as u32 - 1)
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
