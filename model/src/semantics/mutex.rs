//! `sync.Mutex`, mirroring Go 1.23's sync/mutex.go in normal mode.
//!
//! Invariants:
//! - a mutex has no owner: any goroutine may unlock it; unlocking an unlocked mutex is the fatal
//!   error "sync: unlock of unlocked mutex" (not a recoverable panic);
//! - `waiters` holds exactly the goroutines parked in `Lock` on it, oldest first;
//! - `Unlock` releases the mutex and wakes the oldest waiter, which then competes with newly
//!   arriving goroutines (barging); a woken waiter that loses parks again at the *front* of the
//!   queue, as mutex.go's `queueLifo` does for waiters that already waited.
//!
//! `Lock`, `Unlock` and `TryLock` of an `RWMutex` (through a `sync.Locker`, or the front end's
//! lowering of its methods) go to `rwmutex.rs`.
//!
//! Not modelled: starvation mode, which hands the mutex over directly after a waiter has waited
//! 1 ms. It removes behaviours (barging) rather than adding any, so exploring normal mode only is
//! a superset of what Go can do.

use super::exec::{StepLog, Trap};
use super::state::{Blocked, State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::{block, finish_op, wake_to_retry};
use crate::program::Program;

/// The sync object a `Lock`-like operation of goroutine `g` works on (its operand).
pub fn mutex_id(st: &State, g: Gid) -> Result<SyncId, Trap> {
    mutex_id_of(st.goroutine(g).peek(0))
}

/// The sync object a handle refers to; nil panics with Go's nil dereference.
pub fn mutex_id_of(value: &Value) -> Result<SyncId, Trap> {
    match value {
        Value::Sync(id) => Ok(*id),
        // `rw.RLocker()`'s read side (`Instr::ReadLocker`).
        Value::Tuple(items) if is_read_locker(value) => mutex_id_of(&items[0]),
        Value::Nil => Err(super::exec::runtime_error(
            "invalid memory address or nil pointer dereference",
        )),
        other => unreachable!("internal error: lock of {other:?}"),
    }
}

/// Whether a Locker's handle is `rw.RLocker()`'s: its Lock and Unlock are RLock and RUnlock.
pub fn is_read_locker(value: &Value) -> bool {
    matches!(value, Value::Tuple(items) if matches!(items[..], [Value::Sync(_)]))
}

/// `mu.Lock()` by goroutine `g`. Returns whether it blocked.
pub fn lock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    if is_read_locker(st.goroutine(g).peek(0)) {
        return super::rwmutex::rlock(program, st, g, log);
    }
    let id = mutex_id(st, g)?;
    if matches!(st.syncs[id.0 as usize], SyncObj::RWMutex(_)) {
        return super::rwmutex::lock(program, st, g, id, log);
    }
    let retry = st.goroutine(g).woken_retry;
    let SyncObj::Mutex { locked, waiters } = st.sync_mut(id) else {
        unreachable!("internal error: Lock on a non-mutex");
    };
    if !*locked {
        *locked = true;
        finish_op(program, st, g, &[], log);
        return Ok(false);
    }
    if retry {
        waiters.insert(0, g);
    } else {
        waiters.push(g);
    }
    block(st, g, Blocked::Lock(id));
    Ok(true)
}

/// `mu.Unlock()` by goroutine `g`.
pub fn unlock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    if is_read_locker(st.goroutine(g).peek(0)) {
        return super::rwmutex::runlock(program, st, g, log);
    }
    let id = mutex_id(st, g)?;
    release(program, st, id, log)?;
    finish_op(program, st, g, &[], log);
    Ok(())
}

/// Unlocks the Mutex (or the RWMutex's writer lock) `id` and wakes the oldest waiter to retry:
/// `Unlock` without finishing an instruction (also used by `Cond.Wait`).
pub fn release(
    program: &Program,
    st: &mut State,
    id: SyncId,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let SyncObj::Mutex { locked, waiters } = st.sync_mut(id) else {
        return super::rwmutex::unlock_writer(program, st, id, log);
    };
    if !*locked {
        return Err(Trap::Fatal("sync: unlock of unlocked mutex".into()));
    }
    *locked = false;
    if !waiters.is_empty() {
        let waiter = waiters.remove(0);
        wake_to_retry(st, waiter, log);
    }
    Ok(())
}

/// `mu.TryLock()` by goroutine `g`: never blocks.
pub fn try_lock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    if is_read_locker(st.goroutine(g).peek(0)) {
        return super::rwmutex::try_rlock(program, st, g, log);
    }
    let id = mutex_id(st, g)?;
    if matches!(st.syncs[id.0 as usize], SyncObj::RWMutex(_)) {
        let acquired = super::rwmutex::try_lock(st, id, log);
        finish_op(program, st, g, &[Value::Bool(acquired)], log);
        return Ok(());
    }
    let SyncObj::Mutex { locked, .. } = st.sync_mut(id) else {
        unreachable!("internal error: TryLock on a non-mutex");
    };
    let acquired = !*locked;
    *locked = true;
    finish_op(program, st, g, &[Value::Bool(acquired)], log);
    Ok(())
}
