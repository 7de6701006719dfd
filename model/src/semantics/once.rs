//! `sync.Once`, mirroring Go 1.23's sync/once.go.
//!
//! Go's `Do` is a fast path (`o.done.Load()`) and `doSlow`, which takes the Once's mutex, runs
//! f with `defer o.m.Unlock()` and `defer o.done.Store(1)` and so marks the Once done even when
//! f panics or calls `runtime.Goexit`. The front end lowers `o.Do(f)` to a synthetic
//! `sync.(*Once).Do` that does the same with two operations of this file: `OnceEnter` (the fast
//! path and the mutex) and a deferred `OnceDone` (the two deferred calls).
//!
//! Design: native state (done, running, waiters) rather than a Mutex and an atomic in a Go
//! prelude, which would add three scheduling points per call without adding any reachable
//! outcome. One simplification, outcome-preserving: when the running call finishes, every
//! blocked caller returns at once, where in Go they pass through the mutex one by one and each
//! then sees `done`.
//!
//! Invariants:
//! - `waiters` is empty unless `running` (callers wait only for a running call);
//! - `done` and `running` are never both set;
//! - every waiter is parked with reason `Once` (Go's wait reason: `sync.Mutex.Lock`).

use super::exec::{StepLog, Trap};
use super::state::{Blocked, State, SyncObj};
use super::value::{Gid, Value};
use super::wake::{block, finish_op};
use crate::program::Program;

/// `OnceEnter` by goroutine `g`. Returns whether it blocked.
pub fn enter(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let id = super::mutex::mutex_id(st, g)?;
    let SyncObj::Once {
        done,
        running,
        waiters,
    } = st.sync_mut(id)
    else {
        unreachable!("internal error: Once.Do on a non-Once");
    };
    if *done {
        finish_op(program, st, g, &[Value::Bool(false)], log);
        return Ok(false);
    }
    if *running {
        waiters.push(g);
        block(st, g, Blocked::Once(id));
        return Ok(true);
    }
    *running = true;
    finish_op(program, st, g, &[Value::Bool(true)], log);
    Ok(false)
}

/// `OnceDone` by goroutine `g`: the Once is done; blocked callers return.
pub fn done(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let id = super::mutex::mutex_id(st, g)?;
    let SyncObj::Once {
        done,
        running,
        waiters,
    } = st.sync_mut(id)
    else {
        unreachable!("internal error: Once.Do on a non-Once");
    };
    *done = true;
    *running = false;
    let woken = std::mem::take(waiters);
    finish_op(program, st, g, &[], log);
    for waiter in woken {
        finish_op(program, st, waiter, &[Value::Bool(false)], log);
    }
    Ok(())
}

/// Checks the invariants of one Once.
pub fn check(done: bool, running: bool, waiters: &[Gid]) -> Result<(), String> {
    if (done && running) || (!running && !waiters.is_empty()) {
        return Err(format!(
            "Once: done {done}, running {running}, {} waiters",
            waiters.len()
        ));
    }
    Ok(())
}
