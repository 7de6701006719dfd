//! The state invariants of every semantics file, checked after every step in debug builds and
//! tests. A failure is an `internal error`: a bug in gomc, never a finding about the model.

use super::state::{Blocked, State, Status, SyncObj};
use crate::program::Program;

/// Checks the invariants; returns the first one broken. In race mode (`races`) a runnable
/// goroutine may also stand at a memory access.
pub fn check(program: &Program, st: &State, races: bool) -> Result<(), String> {
    for (index, goroutine) in st.goroutines.iter().enumerate() {
        let g = goroutine.id;
        if g as usize != index + 1 {
            return Err(format!("goroutine at index {index} has number {g}"));
        }
        match goroutine.status {
            Status::Dead
                if !goroutine.frames.is_empty()
                    || !goroutine.stack.is_empty()
                    || !goroutine.defers.is_empty() =>
            {
                return Err(format!(
                    "dead goroutine {g} still has frames, stack or deferred calls"
                ));
            }
            Status::Dead => {}
            Status::Runnable | Status::Blocked(_) if st.end.is_none() => {
                let Some(frame) = goroutine.frames.last() else {
                    return Err(format!("live goroutine {g} has no frame"));
                };
                let function = program.function(frame.func);
                let instr = &function.code[frame.pc as usize];
                let at_access = races
                    && goroutine.status == Status::Runnable
                    && function.access_at(frame.pc).is_some();
                if !instr.is_sync() && !at_access {
                    return Err(format!(
                        "goroutine {g} stands at a local instruction {instr:?}"
                    ));
                }
                for frame in &goroutine.frames {
                    let locals = program.function(frame.func).locals;
                    if frame.base as usize + locals as usize > goroutine.stack.len() {
                        return Err(format!("goroutine {g}: frame locals past the stack"));
                    }
                }
            }
            _ => {}
        }
        if let Status::Blocked(reason) = goroutine.status {
            let queued = |list: &[u32]| list.iter().filter(|&&w| w == g).count();
            let ok = match reason {
                Blocked::Send(chan) => {
                    queued(
                        &st.chans[chan.0 as usize]
                            .sendq
                            .iter()
                            .map(|w| w.goroutine)
                            .collect::<Vec<_>>(),
                    ) == 1
                }
                Blocked::Recv(chan) => {
                    queued(
                        &st.chans[chan.0 as usize]
                            .recvq
                            .iter()
                            .map(|w| w.goroutine)
                            .collect::<Vec<_>>(),
                    ) == 1
                }
                Blocked::Lock(id)
                | Blocked::WaitGroup(id)
                | Blocked::RLock(id)
                | Blocked::RWLock(id)
                | Blocked::Once(id)
                | Blocked::Cond(id) => match (reason, &st.syncs[id.0 as usize]) {
                    (Blocked::Lock(_), SyncObj::Mutex { waiters, .. })
                    | (Blocked::WaitGroup(_), SyncObj::WaitGroup { waiters, .. })
                    | (Blocked::Once(_), SyncObj::Once { waiters, .. })
                    | (Blocked::Cond(_), SyncObj::Cond { waiters, .. }) => queued(waiters) == 1,
                    (Blocked::Lock(_), SyncObj::RWMutex(rw)) => queued(&rw.writer_queue) == 1,
                    (Blocked::RLock(_), SyncObj::RWMutex(rw)) => {
                        queued(&rw.reader_sem.waiters) == 1
                    }
                    (Blocked::RWLock(_), SyncObj::RWMutex(rw)) => {
                        queued(&rw.writer_sem.waiters) == 1
                    }
                    _ => false,
                },
                _ => true,
            };
            if !ok {
                return Err(format!(
                    "blocked goroutine {g} is not exactly once in the queue it waits in"
                ));
            }
        }
    }
    for (index, chan) in st.chans.iter().enumerate() {
        if chan.buf.len() > chan.cap as usize {
            return Err(format!("channel {index} holds more than its capacity"));
        }
        if !chan.buf.is_empty() && !chan.recvq.is_empty() {
            return Err(format!(
                "channel {index} has buffered values and parked receivers"
            ));
        }
        if (chan.buf.len() as u32) < chan.cap && !chan.sendq.is_empty() {
            return Err(format!("channel {index} has room and parked senders"));
        }
        if chan.closed && (!chan.recvq.is_empty() || !chan.sendq.is_empty()) {
            return Err(format!("closed channel {index} has parked goroutines"));
        }
        for waiter in chan.recvq.iter().chain(&chan.sendq) {
            if !matches!(st.goroutine(waiter.goroutine).status, Status::Blocked(_)) {
                return Err(format!(
                    "channel {index} queues goroutine {} which is not parked",
                    waiter.goroutine
                ));
            }
        }
    }
    for (index, object) in st.syncs.iter().enumerate() {
        match object {
            SyncObj::WaitGroup { counter, waiters } => {
                if *counter < 0 || (*counter == 0 && !waiters.is_empty()) {
                    return Err(format!(
                        "WaitGroup {index}: counter {counter} with {} waiters",
                        waiters.len()
                    ));
                }
            }
            // An unlocked mutex may have waiters: Unlock wakes only the first, which retries.
            SyncObj::Mutex { .. } => {}
            SyncObj::RWMutex(rw) => super::rwmutex::check(st, rw)
                .map_err(|broken| format!("sync object {index}: {broken}"))?,
            SyncObj::Once {
                done,
                running,
                waiters,
            } => super::once::check(*done, *running, waiters)
                .map_err(|broken| format!("sync object {index}: {broken}"))?,
            SyncObj::Cond { .. } => {}
            SyncObj::Map(entries) => super::syncmap::check(entries)
                .map_err(|broken| format!("sync object {index}: {broken}"))?,
        }
    }
    Ok(())
}
