//! The scheduling points: listing a goroutine's alternatives at its sync instruction, running
//! that instruction, and describing it for a trace. Each primitive's own file holds its rules;
//! this file only dispatches (runtime/proc.go's role for `go`, `Gosched` and `Goexit`).

use super::chan;
use super::exec::{int, panic_message, spawn, StepLog, Trap};
use super::state::{End, State, Status};
use super::unwind::{raise, start_goexit, start_panic};
use super::value::{Gid, Value};
use super::wake::finish_op;
use crate::program::{Instr, Program};

/// The sync instruction goroutine `g` stands at.
pub fn current_instr<'p>(program: &'p Program, st: &State, g: Gid) -> &'p Instr {
    let frame = st.goroutine(g).top();
    &program.function(frame.func).code[frame.pc as usize]
}

/// Reports each alternative of runnable goroutine `g` (see `Choice::Run`) to `push`.
pub fn alternatives(program: &Program, st: &State, g: Gid, push: &mut impl FnMut(u32)) {
    match current_instr(program, st, g) {
        Instr::Select(table) => chan::select_alternatives(program, st, g, *table, push),
        Instr::Choose => match st.goroutine(g).peek(0) {
            Value::Int(n) if *n > 0 && *n <= super::limits::MAX_CHOICES => {
                (0..*n as u32).for_each(push)
            }
            _ => push(0),
        },
        Instr::MapRangeNext => super::maprange::alternatives(st, g, push),
        _ => push(0),
    }
}

/// Whether the operation blocked the goroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// It completed (or panicked, or ended the goroutine or program).
    Done,
    /// The goroutine parked.
    Blocked,
}

/// Runs goroutine `g`'s sync instruction with the given alternative.
pub fn exec_sync(
    program: &Program,
    st: &mut State,
    g: Gid,
    alternative: u32,
    log: &mut StepLog,
) -> Effect {
    match try_exec_sync(program, st, g, alternative, log) {
        Ok(true) => Effect::Blocked,
        Ok(false) => Effect::Done,
        Err(trap) => {
            raise(program, st, g, trap);
            Effect::Done
        }
    }
}

fn try_exec_sync(
    program: &Program,
    st: &mut State,
    g: Gid,
    alternative: u32,
    log: &mut StepLog,
) -> Result<bool, Trap> {
    let instr = current_instr(program, st, g);
    match instr {
        Instr::Go { args } => {
            let goroutine = st.goroutine(g);
            let arguments = goroutine.stack[goroutine.stack.len() - *args as usize..].to_vec();
            let callee = goroutine.peek(*args as usize).clone();
            let id = spawn(program, st, g, callee, arguments)?;
            finish_op(program, st, g, &[], log);
            log.started.push(id);
        }
        Instr::Panic | Instr::PanicShown => {
            let shown = match instr {
                Instr::PanicShown => Some(st.goroutine_mut(g).pop()),
                _ => None,
            };
            let mut value = st.goroutine_mut(g).pop();
            let message = if value == Value::Nil {
                // Go 1.21: panic(nil) panics with a *runtime.PanicNilError.
                value = super::errors::new_error(st, PANIC_NIL, Value::Nil);
                panic_message(st, &value)
            } else {
                panic_message(st, shown.as_ref().unwrap_or(&value))
            };
            start_panic(program, st, g, value, message);
        }
        Instr::Goexit => start_goexit(program, st, g),
        Instr::Exit => {
            let code = int(st.goroutine(g).peek(0));
            finish_op(program, st, g, &[], log);
            st.end = Some(End::Exit(code));
        }
        Instr::FailTest => {
            let Value::Str(test) = st.goroutine(g).peek(0).clone() else {
                unreachable!("internal error: failTest of a non-string");
            };
            finish_op(program, st, g, &[], log);
            st.end = Some(End::TestFailed(test.to_string()));
        }
        Instr::Yield => finish_op(program, st, g, &[], log),
        Instr::CopySync => {
            let value = st.goroutine(g).peek(0).clone();
            let copy = super::copy::copy_syncs(st, value);
            finish_op(program, st, g, &[copy], log);
        }
        Instr::Choose => {
            if int(st.goroutine(g).peek(0)) <= 0 {
                return Err(Trap::PanicString("gomc.Choose: n must be positive".into()));
            }
            finish_op(program, st, g, &[Value::Int(alternative as i64)], log);
        }
        Instr::MapRangeNext => super::maprange::next(program, st, g, alternative, log),
        Instr::Send(_) => return chan::send(program, st, g, log),
        Instr::Recv { .. } => return Ok(chan::recv(program, st, g, log)),
        Instr::Close(_) => chan::close(program, st, g, log)?,
        Instr::TimerStop => super::timer::stop(program, st, g, log),
        Instr::TimerReset => super::timer::reset(program, st, g, log),
        Instr::SynctestWait => return super::timer::synctest_wait(st, g),
        Instr::NumGoroutine => {
            let alive = st
                .goroutines
                .iter()
                .filter(|other| other.status != Status::Dead)
                .count();
            finish_op(program, st, g, &[Value::Int(alive as i64)], log);
        }
        Instr::ChanLen(_) => {
            let length = super::heap::length(st, st.goroutine(g).peek(0), false);
            finish_op(program, st, g, &[Value::Int(length)], log);
        }
        Instr::Select(table) => return chan::select(program, st, g, *table, alternative, log),
        Instr::Lock(_) => return super::mutex::lock(program, st, g, log),
        Instr::Unlock(_) => super::mutex::unlock(program, st, g, log)?,
        Instr::TryLock(_) => super::mutex::try_lock(program, st, g, log)?,
        Instr::RLock(_) => return super::rwmutex::rlock(program, st, g, log),
        Instr::RUnlock(_) => super::rwmutex::runlock(program, st, g, log)?,
        Instr::TryRLock(_) => super::rwmutex::try_rlock(program, st, g, log)?,
        Instr::OnceEnter(_) => return super::once::enter(program, st, g, log),
        Instr::OnceDone(_) => super::once::done(program, st, g, log)?,
        Instr::CondWait(_) => return super::cond::wait(program, st, g, log),
        Instr::CondSignal(_) => super::cond::notify(program, st, g, false, log)?,
        Instr::CondBroadcast(_) => super::cond::notify(program, st, g, true, log)?,
        Instr::SyncMap { op, .. } => super::syncmap::exec(program, st, g, *op, log)?,
        Instr::WaitGroupAdd(_) => super::waitgroup::add(program, st, g, log)?,
        Instr::WaitGroupWait(_) => return super::waitgroup::wait(program, st, g, log),
        Instr::AtomicAdd { .. }
        | Instr::AtomicLoad(_)
        | Instr::AtomicStore(_)
        | Instr::AtomicCas(_)
        | Instr::AtomicSwap(_) => super::atomic::exec(program, st, g, instr, log)?,
        other => unreachable!(
            "internal error: {other:?} is not a sync instruction (routed by Instr::executor)"
        ),
    }
    Ok(false)
}

/// The operation goroutine `g` is about to run, in words, for the trace (`send bgwork`,
/// `select: case 1 (<-done)`, `wg.Add(-1)`).
pub fn describe(program: &Program, st: &State, g: Gid, alternative: u32) -> String {
    let goroutine = st.goroutine(g);
    let label = |id| program.label(id).to_string();
    match current_instr(program, st, g) {
        Instr::Go { args } => match goroutine.peek(*args as usize) {
            Value::Func { func, .. } => format!("go {}()", program.function(*func).name),
            _ => "go <nil func>".into(),
        },
        Instr::Panic | Instr::PanicShown => {
            format!("panic({})", panic_message(st, goroutine.peek(0)))
        }
        Instr::Goexit => "runtime.Goexit()".into(),
        Instr::Exit => format!("os.Exit({})", int(goroutine.peek(0))),
        Instr::FailTest => match goroutine.peek(0) {
            Value::Str(test) => format!("test {test} failed"),
            _ => "test failed".into(),
        },
        Instr::Yield => "yield (Gosched/Sleep)".into(),
        Instr::CopySync => "copy a value holding sync values".into(),
        Instr::Choose => format!("gomc.Choose({}) = {alternative}", int(goroutine.peek(0))),
        Instr::MapRangeNext => super::maprange::describe(st, g, alternative),
        Instr::Send(id) => format!("send {}", label(*id)),
        Instr::Recv { label: id, .. } => format!("recv <-{}", label(*id)),
        Instr::Close(id) => format!("close({})", label(*id)),
        Instr::TimerStop => "stop the timer".to_string(),
        Instr::TimerReset => "reset the timer".to_string(),
        Instr::SynctestWait => "synctest.Wait()".to_string(),
        Instr::NumGoroutine => "runtime.NumGoroutine()".to_string(),
        Instr::Select(table) => {
            let table = program.select(*table);
            match table.cases.get(alternative as usize) {
                Some(case) => {
                    let text = match case.kind {
                        crate::program::SelectCaseKind::Send => format!("{} <-", label(case.label)),
                        crate::program::SelectCaseKind::Recv => format!("<-{}", label(case.label)),
                    };
                    format!("select: case {alternative} ({text})")
                }
                None if table.has_default => "select: default".into(),
                None => "select".into(),
            }
        }
        Instr::Lock(id) => format!("lock {}", label(*id)),
        Instr::Unlock(id) => format!("unlock {}", label(*id)),
        Instr::TryLock(id) => format!("trylock {}", label(*id)),
        Instr::RLock(id) => format!("rlock {}", label(*id)),
        Instr::RUnlock(id) => format!("runlock {}", label(*id)),
        Instr::TryRLock(id) => format!("tryrlock {}", label(*id)),
        Instr::OnceEnter(id) => format!("{}.Do", label(*id)),
        Instr::OnceDone(id) => format!("{}.Do: done", label(*id)),
        Instr::CondWait(id) => format!("{}.Wait()", label(*id)),
        Instr::CondSignal(id) => format!("{}.Signal()", label(*id)),
        Instr::CondBroadcast(id) => format!("{}.Broadcast()", label(*id)),
        Instr::SyncMap { op, label: id } => format!("{}.{op:?}", label(*id)),
        Instr::AtomicSwap(id) => format!("atomic swap {}", label(*id)),
        Instr::WaitGroupAdd(id) => match int(goroutine.peek(0)) {
            -1 => format!("{}.Done()", label(*id)),
            delta => format!("{}.Add({delta})", label(*id)),
        },
        Instr::WaitGroupWait(id) => format!("{}.Wait()", label(*id)),
        Instr::AtomicAdd { label: id, .. } => {
            format!("atomic add {} {}", label(*id), int(goroutine.peek(0)))
        }
        Instr::AtomicLoad(id) => format!("atomic load {}", label(*id)),
        Instr::ChanLen(id) => format!("len({})", label(*id)),
        Instr::AtomicStore(id) => format!("atomic store {}", label(*id)),
        Instr::AtomicCas(id) => format!("atomic cas {}", label(*id)),
        other => format!("{other:?}"),
    }
}

/// The message of `runtime.PanicNilError` (Go 1.21 on), the value of `panic(nil)`: its `Error`
/// in Go 1.23's runtime/panic.go, and what `go run` (Go 1.23.5) prints.
const PANIC_NIL: &str = "panic called with nil argument";
