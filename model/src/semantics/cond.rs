//! `sync.Cond`, mirroring Go 1.23's sync/cond.go and the notify list of runtime/sema.go.
//!
//! `Wait` takes a ticket, unlocks `c.L`, parks until its ticket is notified, then locks `c.L`
//! again. Here the first three are one step (`CondWait`) and the relock is the next operation
//! (a plain `Lock`, emitted by the front end), so tickets are handed out in parking order and
//! the notify list is the FIFO `waiters`: `Signal` wakes the oldest, `Broadcast` all of them.
//! In Go a `Signal` may come between the unlock and the park; it then notifies that waiter,
//! which returns without parking: the same state as waking it once parked.
//!
//! Invariants: every goroutine in `waiters` is parked with reason `Cond` (wait reason
//! `sync.Cond.Wait`), once.

use super::exec::{load, runtime_error, StepLog, Trap};
use super::state::{Blocked, State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::{block, finish_op};
use crate::program::Program;

fn cond_id(value: &Value) -> Result<SyncId, Trap> {
    match value {
        Value::Sync(id) => Ok(*id),
        Value::Nil => Err(runtime_error(
            "invalid memory address or nil pointer dereference",
        )),
        other => unreachable!("internal error: Cond operation on {other:?}"),
    }
}

fn waiters(st: &mut State, id: SyncId) -> &mut Vec<Gid> {
    match st.sync_mut(id) {
        SyncObj::Cond { waiters, .. } => waiters,
        other => unreachable!("internal error: Cond operation on {other:?}"),
    }
}

/// `c.L` of the Cond `cond`.
pub fn locker(st: &State, cond: &Value) -> Result<Value, Trap> {
    let id = cond_id(cond)?;
    match &st.syncs[id.0 as usize] {
        SyncObj::Cond { locker, .. } => Ok(locker.clone()),
        other => unreachable!("internal error: Cond operation on {other:?}"),
    }
}

/// `c.L = locker`.
pub fn set_locker(st: &mut State, cond: &Value, new: Value) -> Result<(), Trap> {
    let id = cond_id(cond)?;
    match &mut st.syncs_mut()[id.0 as usize] {
        SyncObj::Cond { locker, .. } => *locker = new,
        other => unreachable!("internal error: Cond operation on {other:?}"),
    }
    Ok(())
}

/// `c.Wait()` by goroutine `g`, up to the relock: unlocks `c.L` and parks.
pub fn wait(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let cond = st.goroutine(g).peek(0).clone();
    let id = cond_id(&cond)?;
    let locker = locker(st, &cond)?;
    // A Locker is a pointer to a Mutex or an RWMutex (or, written directly, its handle).
    let mutex = match &locker {
        Value::Sync(_) => locker.clone(),
        pointer => load(st, pointer)?,
    };
    if super::mutex::is_read_locker(&mutex) {
        let id = super::mutex::mutex_id_of(&mutex)?;
        super::rwmutex::release_read(program, st, id, log)?;
    } else {
        let Value::Sync(mutex) = mutex else {
            unreachable!("internal error: Cond.L is {mutex:?}");
        };
        super::mutex::release(program, st, mutex, log)?;
    }
    waiters(st, id).push(g);
    block(st, g, Blocked::Cond(id));
    Ok(true)
}

/// `c.Signal()` (`all`: `c.Broadcast()`) by goroutine `g`.
pub fn notify(
    program: &Program,
    st: &mut State,
    g: Gid,
    all: bool,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let id = cond_id(st.goroutine(g).peek(0))?;
    let queue = waiters(st, id);
    let woken: Vec<Gid> = if all {
        std::mem::take(queue)
    } else if queue.is_empty() {
        Vec::new()
    } else {
        vec![queue.remove(0)]
    };
    finish_op(program, st, g, &[], log);
    for waiter in woken {
        finish_op(program, st, waiter, &[], log);
    }
    Ok(())
}
