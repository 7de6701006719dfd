//! `sync.WaitGroup`, mirroring Go 1.23's sync/waitgroup.go.
//!
//! Invariants:
//! - the counter is never negative: an `Add` that would make it negative panics
//!   "sync: negative WaitGroup counter";
//! - `waiters` is empty whenever the counter is 0: the `Add` that brings it to 0 wakes them all
//!   (waitgroup.go `Add`: `*statep = 0` then one `runtime_Semrelease` per waiter);
//! - a woken waiter has not returned from `Wait` yet: it stands at its `Wait` with
//!   `woken_retry` set, and returning is a step of its own, as in waitgroup.go, where the check
//!   `*statep != 0` after `runtime_Semacquire` runs whenever the waiter is scheduled. If an
//!   `Add` reused the WaitGroup in between, that step panics "sync: WaitGroup is reused before
//!   previous Wait has returned".
//!
//! Not modelled: "WaitGroup misuse: Add called concurrently with Wait". The runtime detects it
//! in the window inside `Add` between the counter reaching 0 and the reset of the waiter count,
//! which is one step here.

use super::exec::{int, StepLog, Trap};
use super::state::{Blocked, State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::{block, finish_op, wake_to_retry};
use crate::program::Program;

fn group_id(st: &State, g: Gid, depth: usize) -> Result<SyncId, Trap> {
    match st.goroutine(g).peek(depth) {
        Value::Sync(id) => Ok(*id),
        Value::Nil => Err(super::exec::runtime_error(
            "invalid memory address or nil pointer dereference",
        )),
        other => unreachable!("internal error: WaitGroup operation on {other:?}"),
    }
}

/// `wg.Add(n)` (and `wg.Done()`, which is `Add(-1)`) by goroutine `g`.
pub fn add(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let id = group_id(st, g, 1)?;
    let delta = int(st.goroutine(g).peek(0));
    let SyncObj::WaitGroup { counter, waiters } = st.sync_mut(id) else {
        unreachable!("internal error: Add on a non-WaitGroup");
    };
    let new = counter.wrapping_add(delta);
    if new < 0 {
        return Err(Trap::PanicString("sync: negative WaitGroup counter".into()));
    }
    *counter = new;
    let woken = if new == 0 {
        std::mem::take(waiters)
    } else {
        Vec::new()
    };
    finish_op(program, st, g, &[], log);
    for waiter in woken {
        wake_to_retry(st, waiter, log);
    }
    Ok(())
}

/// `wg.Wait()` by goroutine `g`. Returns whether it blocked.
pub fn wait(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let id = group_id(st, g, 0)?;
    let woken = std::mem::take(&mut st.goroutine_mut(g).woken_retry);
    let SyncObj::WaitGroup { counter, waiters } = st.sync_mut(id) else {
        unreachable!("internal error: Wait on a non-WaitGroup");
    };
    if woken {
        // waitgroup.go `Wait`, after `runtime_Semacquire`: the state must still be the zero
        // the waking `Add` stored (no new count, hence no new waiter).
        if *counter != 0 || !waiters.is_empty() {
            return Err(Trap::PanicString(
                "sync: WaitGroup is reused before previous Wait has returned".into(),
            ));
        }
        finish_op(program, st, g, &[], log);
        return Ok(false);
    }
    if *counter == 0 {
        finish_op(program, st, g, &[], log);
        return Ok(false);
    }
    waiters.push(g);
    block(st, g, Blocked::WaitGroup(id));
    Ok(true)
}
