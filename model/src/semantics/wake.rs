//! Parking and waking goroutines: the one blocking mechanism every primitive uses (the
//! runtime's `gopark`/`goready`).
//!
//! Invariants: a parked goroutine keeps the operands of its operation on its stack and its pc at
//! the operation; finishing the operation pops exactly those operands, pushes the results and
//! moves the pc past it. Only a goroutine that was parked counts as woken.

use super::exec::StepLog;
use super::state::{Blocked, State, Status};
use super::unwind::start_panic;
use super::value::{Gid, Value};
use crate::program::{Instr, Program};

/// Parks goroutine `g` at its current operation.
pub fn block(st: &mut State, g: Gid, reason: Blocked) {
    st.goroutine_mut(g).status = Status::Blocked(reason);
}

/// How many operands the sync instruction pops.
pub fn operand_count(program: &Program, instr: &Instr) -> usize {
    match instr {
        Instr::Yield | Instr::Goexit | Instr::SynctestWait | Instr::NumGoroutine => 0,
        Instr::Recv { .. }
        | Instr::CopySync
        | Instr::Close(_)
        | Instr::Lock(_)
        | Instr::Unlock(_)
        | Instr::TryLock(_)
        | Instr::RLock(_)
        | Instr::RUnlock(_)
        | Instr::TryRLock(_)
        | Instr::OnceEnter(_)
        | Instr::OnceDone(_)
        | Instr::CondWait(_)
        | Instr::CondSignal(_)
        | Instr::CondBroadcast(_)
        | Instr::WaitGroupWait(_)
        | Instr::AtomicLoad(_)
        | Instr::ChanLen(_)
        | Instr::Choose
        | Instr::TimerStop
        | Instr::Panic
        | Instr::Exit
        | Instr::FailTest => 1,
        Instr::Send(_)
        | Instr::MapRangeNext
        | Instr::WaitGroupAdd(_)
        | Instr::AtomicAdd { .. }
        | Instr::AtomicStore(_)
        | Instr::AtomicSwap(_)
        | Instr::PanicShown => 2,
        Instr::SyncMap { op, .. } => super::syncmap::operand_count(*op),
        Instr::AtomicCas(_) | Instr::TimerReset => 3,
        Instr::Go { args } => *args as usize + 1,
        Instr::Select(table) => program
            .select(*table)
            .cases
            .iter()
            .map(|case| super::chan::operand_count(case.kind))
            .sum(),
        other => unreachable!("internal error: {other:?} is not a sync instruction"),
    }
}

/// Completes goroutine `g`'s current operation with `results`, and makes it runnable (logging
/// it as woken if it was parked).
pub fn finish_op(program: &Program, st: &mut State, g: Gid, results: &[Value], log: &mut StepLog) {
    let goroutine = st.goroutine_mut(g);
    let frame = goroutine.top();
    let instr = &program.function(frame.func).code[frame.pc as usize];
    let operands = operand_count(program, instr);
    let keep = goroutine.stack.len() - operands;
    goroutine.stack.truncate(keep);
    goroutine.stack.extend_from_slice(results);
    goroutine.top_mut().pc += 1;
    goroutine.woken_retry = false;
    if goroutine.status != Status::Runnable {
        goroutine.status = Status::Runnable;
        log.woken.push(g);
    }
}

/// Wakes parked goroutine `g` without completing its operation, so that it runs it again as a
/// step of its own (a woken `Lock` waiter, sync/mutex.go's normal mode; a woken `Wait`, whose
/// return after `runtime_Semacquire` is a step in sync/waitgroup.go).
pub fn wake_to_retry(st: &mut State, g: Gid, log: &mut StepLog) {
    let goroutine = st.goroutine_mut(g);
    goroutine.status = Status::Runnable;
    goroutine.woken_retry = true;
    log.woken.push(g);
}

/// Wakes parked goroutine `g` into a panic (a sender on a channel that was closed).
pub fn start_woken_panic(
    program: &Program,
    st: &mut State,
    g: Gid,
    message: &str,
    log: &mut StepLog,
) {
    st.goroutine_mut(g).status = Status::Runnable;
    log.woken.push(g);
    let value = super::errors::new_error(st, message, Value::Nil);
    start_panic(program, st, g, value, message.to_string());
}
