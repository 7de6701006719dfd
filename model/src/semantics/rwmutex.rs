//! `sync.RWMutex`, mirroring Go 1.23's sync/rwmutex.go: the writers' mutex `w`, the counters
//! `readerCount` and `readerWait`, and the semaphores `readerSem` and `writerSem`
//! (runtime/sema.go, FIFO).
//!
//! Writer preference: `Lock` first takes `w`, then subtracts `rwmutexMaxReaders` from
//! `readerCount`, so every later `RLock` sees a negative count and parks on `readerSem` until
//! `Unlock`; the writer itself parks on `writerSem` until the readers that held the lock when
//! it arrived have left (`readerWait`).
//!
//! Each method is one step of the checker: the counter update and the semaphore acquire that
//! follows it happen together. In Go another goroutine can run in between (say, `Unlock`
//! releasing `readerSem` before the `RLock` that will take it has parked); that interleaving
//! ends in the same state as the one where the goroutine parks first and is then woken, so
//! nothing reachable is lost. A woken semaphore waiter is handed the release directly; nothing
//! else competes for these semaphores except in misuse.
//!
//! Wait reasons, as Go prints them: `sync.RWMutex.RLock` (a reader on `readerSem`),
//! `sync.RWMutex.Lock` (a writer on `writerSem`), `sync.Mutex.Lock` (a writer on `w`, behind
//! another writer).
//!
//! Invariants:
//! - `writer` ⇔ `reader_count < 0` (a writer is pending or active exactly while `w` is held);
//! - nothing ties `reader_wait` to the writers waiting on `writer_sem`: without misuse it is
//!   positive while one waits and zero otherwise, but Go's fatal checks do not catch every
//!   misuse, and gomc keeps the counters as Go does. A stray `RUnlock` while a writer holds the
//!   lock and a reader waits for it (whose increment of `readerCount` keeps `rUnlockSlow`'s
//!   check quiet) takes `readerWait` below zero, so the writer's `Unlock` lets no reader in; an
//!   `Unlock` by a reader while a writer is pending passes `Unlock`'s check (`r` is the reader
//!   count) and unlocks `w` under the waiting writer, so a second writer can wait on
//!   `writerSem` too, and stay there once the first is woken and `readerWait` is 0
//!   (`rwmutex_stray_*` in model/tests/semantics_rwmutex.rs);
//! - every goroutine in `writer_queue`, `reader_sem.waiters`, `writer_sem.waiters` is parked
//!   with the matching reason, once;
//! - `RUnlock` of an RWMutex without readers and `Unlock` of one without a writer are the fatal
//!   errors "sync: RUnlock of unlocked RWMutex" and "sync: Unlock of unlocked RWMutex".

use super::exec::{StepLog, Trap};
use super::state::{Blocked, RWMutexState, Sema, State, SyncObj};
use super::value::{Gid, SyncId, Value};
use super::wake::{block, finish_op, wake_to_retry};
use crate::program::Program;

/// sync/rwmutex.go's `rwmutexMaxReaders`.
pub const MAX_READERS: i64 = 1 << 30;

fn state(st: &mut State, id: SyncId) -> &mut RWMutexState {
    match st.sync_mut(id) {
        SyncObj::RWMutex(rw) => rw,
        other => unreachable!("internal error: RWMutex operation on {other:?}"),
    }
}

/// Releases a semaphore: hands it to the oldest waiter (whose operation completes), or counts
/// it.
fn sem_release(program: &Program, st: &mut State, id: SyncId, writer_sem: bool, log: &mut StepLog) {
    let rw = state(st, id);
    let sema: &mut Sema = if writer_sem {
        &mut rw.writer_sem
    } else {
        &mut rw.reader_sem
    };
    if sema.waiters.is_empty() {
        sema.count += 1;
        return;
    }
    let waiter = sema.waiters.remove(0);
    finish_op(program, st, waiter, &[], log);
}

/// `rw.Lock()` (or `Lock` through a `sync.Locker`) by goroutine `g`. Returns whether it blocked.
pub fn lock(
    program: &Program,
    st: &mut State,
    g: Gid,
    id: SyncId,
    log: &mut StepLog,
) -> Result<bool, Trap> {
    let retry = st.goroutine(g).woken_retry;
    let rw = state(st, id);
    if rw.writer {
        // `rw.w.Lock()` waits behind the other writer (sync/mutex.go, as in `mutex.rs`).
        if retry {
            rw.writer_queue.insert(0, g);
        } else {
            rw.writer_queue.push(g);
        }
        block(st, g, Blocked::Lock(id));
        return Ok(true);
    }
    rw.writer = true;
    let readers = rw.reader_count;
    rw.reader_count -= MAX_READERS;
    if readers != 0 {
        rw.reader_wait += readers;
        if rw.reader_wait != 0 {
            if rw.writer_sem.count > 0 {
                rw.writer_sem.count -= 1;
            } else {
                rw.writer_sem.waiters.push(g);
                block(st, g, Blocked::RWLock(id));
                return Ok(true);
            }
        }
    }
    finish_op(program, st, g, &[], log);
    Ok(false)
}

/// `rw.Unlock()` without finishing an instruction: lets the readers that arrived during the
/// write in, then unlocks `w` and wakes the oldest writer waiting for it to retry.
pub fn unlock_writer(
    program: &Program,
    st: &mut State,
    id: SyncId,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let rw = state(st, id);
    let readers = rw.reader_count + MAX_READERS;
    if readers >= MAX_READERS {
        return Err(Trap::Fatal("sync: Unlock of unlocked RWMutex".into()));
    }
    rw.reader_count = readers;
    for _ in 0..readers {
        sem_release(program, st, id, false, log);
    }
    let rw = state(st, id);
    if !rw.writer {
        return Err(Trap::Fatal("sync: unlock of unlocked mutex".into()));
    }
    rw.writer = false;
    if !rw.writer_queue.is_empty() {
        let waiter = rw.writer_queue.remove(0);
        wake_to_retry(st, waiter, log);
    }
    Ok(())
}

/// `rw.TryLock()`: takes the write lock when no writer and no reader holds it.
pub fn try_lock(st: &mut State, id: SyncId, log: &mut StepLog) -> bool {
    let rw = state(st, id);
    if rw.writer {
        return false;
    }
    if rw.reader_count != 0 {
        // `w.TryLock()` succeeded and the compare-and-swap failed: `w.Unlock()` wakes a writer
        // waiting for `w`, as `mutex.rs` does.
        if !rw.writer_queue.is_empty() {
            let waiter = rw.writer_queue.remove(0);
            wake_to_retry(st, waiter, log);
        }
        return false;
    }
    rw.writer = true;
    rw.reader_count = -MAX_READERS;
    true
}

/// `rw.RLock()` by goroutine `g`. Returns whether it blocked.
pub fn rlock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<bool, Trap> {
    let id = super::mutex::mutex_id(st, g)?;
    let rw = state(st, id);
    rw.reader_count += 1;
    if rw.reader_count < 0 {
        if rw.reader_sem.count > 0 {
            rw.reader_sem.count -= 1;
        } else {
            rw.reader_sem.waiters.push(g);
            block(st, g, Blocked::RLock(id));
            return Ok(true);
        }
    }
    finish_op(program, st, g, &[], log);
    Ok(false)
}

/// `rw.RUnlock()` by goroutine `g`; the last reader a pending writer waits for wakes it.
pub fn runlock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let id = super::mutex::mutex_id(st, g)?;
    release_read(program, st, id, log)?;
    finish_op(program, st, g, &[], log);
    Ok(())
}

/// Releases one read lock of `id` without finishing an instruction (`RUnlock`, and `Cond.Wait`
/// on `rw.RLocker()`).
pub fn release_read(
    program: &Program,
    st: &mut State,
    id: SyncId,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let rw = state(st, id);
    let count = rw.reader_count - 1;
    if count < 0 && (count + 1 == 0 || count + 1 == -MAX_READERS) {
        // Go decrements first; the program ends either way, so the state is left as it was.
        return Err(Trap::Fatal("sync: RUnlock of unlocked RWMutex".into()));
    }
    rw.reader_count = count;
    if count < 0 {
        rw.reader_wait -= 1;
        if rw.reader_wait == 0 {
            sem_release(program, st, id, true, log);
        }
    }
    Ok(())
}

/// `rw.TryRLock()` by goroutine `g`.
pub fn try_rlock(program: &Program, st: &mut State, g: Gid, log: &mut StepLog) -> Result<(), Trap> {
    let id = super::mutex::mutex_id(st, g)?;
    let rw = state(st, id);
    let acquired = rw.reader_count >= 0;
    if acquired {
        rw.reader_count += 1;
    }
    finish_op(program, st, g, &[Value::Bool(acquired)], log);
    Ok(())
}

/// Checks the invariants of one RWMutex.
pub fn check(st: &State, rw: &RWMutexState) -> Result<(), String> {
    if rw.writer != (rw.reader_count < 0) {
        return Err(format!(
            "RWMutex: writer {} with readerCount {}",
            rw.writer, rw.reader_count
        ));
    }
    let parked = |list: &[Gid], reason: fn(Blocked) -> bool| {
        list.iter().all(|&g| match st.goroutine(g).status {
            super::state::Status::Blocked(blocked) => reason(blocked),
            _ => false,
        })
    };
    if !parked(&rw.writer_queue, |b| matches!(b, Blocked::Lock(_)))
        || !parked(&rw.reader_sem.waiters, |b| matches!(b, Blocked::RLock(_)))
        || !parked(&rw.writer_sem.waiters, |b| matches!(b, Blocked::RWLock(_)))
    {
        return Err("RWMutex queues a goroutine that is not parked on it".into());
    }
    Ok(())
}
