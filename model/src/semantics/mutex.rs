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
//! Not modelled: starvation mode, which hands the mutex over directly after a waiter has waited
//! 1 ms. It removes behaviours (barging) rather than adding any, so exploring normal mode only is
//! a superset of what Go can do.

use super::exec::{StepLog, Trap};
use super::state::{Blocked, State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::{block, finish_op, wake_to_retry};
use crate::program::Program;

fn mutex_id(st: &State, g: Gid) -> Result<SyncId, Trap> {
    match st.goroutine(g).peek(0) {
        Value::Sync(id) => Ok(*id),
        Value::Nil => Err(super::exec::runtime_error(
            "invalid memory address or nil pointer dereference",
        )),
        other => unreachable!("internal error: lock of {other:?}"),
    }
}

/// `mu.Lock()` by goroutine `g`. Returns whether it blocked.
pub fn lock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let id = mutex_id(st, g)?;
    let retry = st.goroutine(g).lock_retry;
    let SyncObj::Mutex { locked, waiters } = &mut st.syncs[id.0 as usize] else {
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
    let id = mutex_id(st, g)?;
    let SyncObj::Mutex { locked, waiters } = &mut st.syncs[id.0 as usize] else {
        unreachable!("internal error: Unlock on a non-mutex");
    };
    if !*locked {
        return Err(Trap::Fatal("sync: unlock of unlocked mutex".into()));
    }
    *locked = false;
    let woken = (!waiters.is_empty()).then(|| waiters.remove(0));
    finish_op(program, st, g, &[], log);
    if let Some(waiter) = woken {
        wake_to_retry(st, waiter, log);
    }
    Ok(())
}

/// `mu.TryLock()` by goroutine `g`: never blocks.
pub fn try_lock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let id = mutex_id(st, g)?;
    let SyncObj::Mutex { locked, .. } = &mut st.syncs[id.0 as usize] else {
        unreachable!("internal error: TryLock on a non-mutex");
    };
    let acquired = !*locked;
    *locked = true;
    finish_op(program, st, g, &[Value::Bool(acquired)], log);
    Ok(())
}
