//! Local execution: everything a goroutine does between two synchronization operations, and
//! the control flow that crosses them (calls, returns, deferred calls, panics, `Goexit`; their
//! unwinding is `unwind.rs`, arithmetic `arith.rs`). `exec_local` is the one dispatch of a
//! local instruction, to the executor `Instr::executor` names: `local.rs` for those that touch
//! only the goroutine, `heap.rs` for heap data, this file for returns, `recover` and globals.
//!
//! Mirrors Go 1.23's runtime/panic.go for defer, panic, recover and Goexit:
//! - deferred calls run last-in first-out, with the arguments evaluated at the `defer`;
//! - `recover` stops a panic only when called directly by a deferred call that the panic's
//!   unwinding started; it returns nil during `Goexit` and outside a panic;
//! - after a recover, the function whose deferred call recovered runs its remaining deferred
//!   calls and returns normally with its current results;
//! - an unrecovered panic ends the program once the goroutine's deferred calls have run;
//!   `Goexit` ends only the goroutine.
//!
//! Invariants: the operand stack of a frame is empty at `Return`; a frame's locals are
//! `stack[base..base + locals]`; deferred calls of frame `i` sit above those of frames `< i`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::format::format_value;
use super::state::{Goroutine, Object, State, Status};
use super::unwind::{do_return, push_frame, raise, recover};
use super::value::{Gid, Value};
use super::zero::zero_value;
use crate::explore::StepError;
use crate::program::{Executor, Instr, Program};

/// How many local instructions a goroutine may run between two scheduling points before the
/// checker gives up on it (a loop that never synchronizes).
pub const LOCAL_STEP_LIMIT: u32 = 1_000_000;

/// How many local instructions run between two looks at the cancel flag (Ctrl-C): often enough
/// to stop within a fraction of a second, rare enough to cost nothing.
const CANCEL_CHECK_INTERVAL: u32 = 1 << 10;

/// The message of a step stopped by the cancel flag (`Machine::cancel_flag`).
const INTERRUPTED: &str = "the step was interrupted (Ctrl-C)";

/// What a step did, for traces: filled as the step runs.
#[derive(Default, Debug)]
pub struct StepLog {
    /// Goroutines woken, in order.
    pub woken: Vec<Gid>,
    /// Goroutines started, in order.
    pub started: Vec<Gid>,
    /// Printed text.
    pub output: Vec<String>,
}

/// A runtime error raised by an instruction.
pub enum Trap {
    /// A runtime error panic (a `runtime.Error` in Go) with this message (the text after
    /// `panic: `); its value is an error with that text.
    Panic(String),
    /// A panic whose value is this string (the sync package's `panic("sync: ...")`).
    PanicString(String),
    /// An unrecoverable runtime fatal error (`fatal error: ...`).
    Fatal(String),
    /// Not a Go error but a step the checker cannot take (a limit of gomc, not of Go): a value
    /// past gomc's allocation bound (`limits.rs`), or a `DeferIn` from another goroutine; the
    /// instruction's step fails with this message.
    CheckerLimit(String),
}

/// The result of one instruction.
pub type Exec = Result<(), Trap>;

/// A runtime error panic: `panic: runtime error: <what>`.
pub fn runtime_error(what: impl std::fmt::Display) -> Trap {
    Trap::Panic(format!("runtime error: {what}"))
}

/// Runs goroutine `g` until it stands at a sync instruction, blocks, dies, or the program ends;
/// in race mode (`races`) also until it stands at an access to memory another goroutine can
/// reach (`race::RaceMode::stops_at`).
pub fn run_local_with(
    program: &Program,
    st: &mut State,
    g: Gid,
    log: &mut StepLog,
    races: Option<&super::race::RaceMode>,
    cancel: Option<&AtomicBool>,
) -> Result<(), StepError> {
    match races {
        Some(mode) => run_local_loop::<true>(program, st, g, log, Some(mode), cancel),
        None => run_local_loop::<false>(program, st, g, log, None, cancel),
    }
}

/// Runs the local instruction goroutine `g` stands at (an access, in race mode).
pub fn exec_access(
    program: &Program,
    st: &mut State,
    g: Gid,
    log: &mut StepLog,
) -> Result<(), StepError> {
    let frame = st.goroutine(g).top();
    let instr = &program.function(frame.func).code[frame.pc as usize];
    exec_one(program, st, g, instr, log)
}

/// Runs one local instruction of `g` and turns a trap into a panic raised at it, or a value
/// past the allocation bound into a step error.
#[inline(always)]
fn exec_one(
    program: &Program,
    st: &mut State,
    g: Gid,
    instr: &Instr,
    log: &mut StepLog,
) -> Result<(), StepError> {
    let depth = st.goroutine(g).frames.len();
    let frame = st.goroutine(g).top();
    let (func, pc) = (frame.func, frame.pc);
    st.goroutine_mut(g).top_mut().pc += 1;
    if let Err(trap) = exec_local(program, st, g, instr, log) {
        if let Trap::CheckerLimit(message) = trap {
            let function = program.function(func);
            let (file, line, _) = program.position(function.spans[pc as usize]);
            return Err(StepError {
                message: format!(
                    "goroutine {g} at {file}:{line} in {}: {message}",
                    function.name
                ),
            });
        }
        // Report the trap at the instruction that raised it, not the one after.
        if st.goroutine(g).frames.len() == depth {
            st.goroutine_mut(g).top_mut().pc -= 1;
        }
        raise(program, st, g, trap);
    }
    Ok(())
}

/// The loop of `run_local_with`, compiled once per mode so that the default mode pays nothing for
/// race mode.
fn run_local_loop<const RACES: bool>(
    program: &Program,
    st: &mut State,
    g: Gid,
    log: &mut StepLog,
    races: Option<&super::race::RaceMode>,
    cancel: Option<&AtomicBool>,
) -> Result<(), StepError> {
    let mut budget = LOCAL_STEP_LIMIT;
    loop {
        if st.end.is_some() {
            return Ok(());
        }
        let goroutine = st.goroutine(g);
        if goroutine.status != Status::Runnable {
            return Ok(());
        }
        let Some(frame) = goroutine.frames.last() else {
            return Ok(());
        };
        let function = program.function(frame.func);
        let pc = frame.pc as usize;
        let instr = &function.code[pc];
        if instr.is_sync() {
            return Ok(());
        }
        if RACES
            && instr.may_access_memory()
            && races.is_some_and(|mode| mode.stops_at(program, st, g))
        {
            return Ok(());
        }
        if budget == 0 {
            let (file, line, _) = program.position(function.spans[pc]);
            // A loop that waits on a variable another goroutine writes is a data race: race
            // mode makes each of its reads a step, so it can be checked there.
            let hint = if RACES {
                ""
            } else {
                " (if it waits on a variable another goroutine sets, that is a data race: check \
                 with --races)"
            };
            return Err(StepError {
                message: format!(
                    "goroutine {g} ran {LOCAL_STEP_LIMIT} instructions without reaching a \
                     synchronization operation (at {file}:{line} in {}): a loop that never \
                     synchronizes cannot be checked{hint}",
                    function.name
                ),
            });
        }
        if budget.is_multiple_of(CANCEL_CHECK_INTERVAL)
            && cancel.is_some_and(|flag| flag.load(Ordering::Relaxed))
        {
            return Err(StepError {
                message: INTERRUPTED.to_string(),
            });
        }
        budget -= 1;
        exec_one(program, st, g, instr, log)?;
    }
}

/// Executes one local (non-sync) instruction of goroutine `g`, whose pc already points past
/// it: the one dispatch of the interpreter, to the executor `Instr::executor` names.
#[inline]
fn exec_local(program: &Program, st: &mut State, g: Gid, instr: &Instr, log: &mut StepLog) -> Exec {
    match instr.executor() {
        Executor::Goroutine => super::local::exec(program, st.goroutine_mut(g), instr),
        Executor::Float => {
            super::arith::exec_float(st.goroutine_mut(g), instr);
            Ok(())
        }
        Executor::State => exec_state(program, st, g, instr),
        Executor::Heap => super::heap::exec_data(program, st, g, instr),
        Executor::Print => super::print::exec(program, st, g, instr, log),
        Executor::Errors => super::errors::exec(program, st, g, instr),
        Executor::Interface => super::iface::exec(program, st, g, instr),
        Executor::Strings => super::strings::exec(st, g, instr),
        Executor::Reflect => super::reflect::exec(st, g, instr),
        Executor::Sync => {
            unreachable!("internal error: {instr:?} is a sync instruction, run by ops.rs")
        }
    }
}

/// Executes an instruction of goroutine `g` that needs the state beyond it
/// (`Executor::State`): returns, `recover`, package-level variables, zero values.
fn exec_state(program: &Program, st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::Return => do_return(program, st, g),
        Instr::Zero(ty) => {
            let value = zero_value(program, st, *ty);
            st.goroutine_mut(g).push(value);
        }
        Instr::LoadGlobal(global) => {
            let value = st.globals[global.0 as usize].clone();
            st.goroutine_mut(g).push(value);
        }
        Instr::StoreGlobal(global) => {
            let value = st.goroutine_mut(g).pop();
            Arc::make_mut(&mut st.globals)[global.0 as usize] = value;
        }
        Instr::Recover | Instr::DeferredRecover => {
            let goroutine = st.goroutine_mut(g);
            let frames = goroutine.frames.len();
            // `defer recover()` recovers as the function that deferred it.
            let caller = if matches!(instr, Instr::Recover) {
                frames - 1
            } else {
                frames.saturating_sub(2)
            };
            let value = recover(goroutine, caller);
            goroutine.push(value);
        }
        Instr::ResultCells(_) => {}
        other => unreachable!(
            "internal error: {other:?} is not a state instruction (routed by Instr::executor)"
        ),
    }
    Ok(())
}

/// The value of `v` as an `int`, for operands the type checker guarantees are integers.
pub fn int(value: &Value) -> i64 {
    match value {
        Value::Int(v) => *v,
        other => unreachable!("internal error: expected an int, found {other:?}"),
    }
}

/// Pointers in `Object::Cell`s: reads the cell `value` points to.
pub fn load(st: &State, pointer: &Value) -> Result<Value, Trap> {
    match pointer {
        Value::Pointer(obj) => match &st.heap[obj.0 as usize] {
            Object::Cell(value) => Ok(value.clone()),
            other => unreachable!("internal error: pointer to {other:?}"),
        },
        Value::Inner(inner) => Ok(super::pointer::load_inner(st, inner)),
        Value::Nil => Err(runtime_error(
            "invalid memory address or nil pointer dereference",
        )),
        other => unreachable!("internal error: load through {other:?}"),
    }
}

/// Writes the cell `pointer` points to.
pub fn store(st: &mut State, pointer: &Value, value: Value) -> Exec {
    match pointer {
        Value::Pointer(obj) => {
            st.heap_mut()[obj.0 as usize] = Object::Cell(value);
            Ok(())
        }
        other => super::pointer::store_through(st, other, value),
    }
}

/// Starts a goroutine running `func` with `args` (the `go` statement), returns its number.
pub fn spawn(
    program: &Program,
    st: &mut State,
    parent: Gid,
    callee: Value,
    args: Vec<Value>,
) -> Result<Gid, Trap> {
    let Value::Func { func, env } = callee else {
        return Err(runtime_error(
            "invalid memory address or nil pointer dereference",
        ));
    };
    let id = st.goroutines.len() as Gid + 1;
    let creator = st.goroutine_mut(parent);
    let spawn_index = creator.spawned;
    creator.spawned += 1;
    let created_at = creator.frames.last().map(|frame| (frame.func, frame.pc));
    let mut goroutine = Goroutine {
        id,
        parent,
        spawn_index,
        created_at,
        spawned: 0,
        timers_created: 0,
        status: Status::Runnable,
        stack: args,
        frames: Vec::new(),
        defers: Vec::new(),
        unwinding: Vec::new(),
        woken_retry: false,
        cache: Default::default(),
    };
    push_frame(program, &mut goroutine, func, env, 0, false);
    st.goroutines.push(Arc::new(goroutine));
    Ok(id)
}

/// Formats a panic value as Go prints it after `panic: `.
/// runtime/panic.go's `printpanicval` after `preprintpanics`: an error prints its `Error()`
/// text; strings are printed with a tab after each newline (`printindented`).
pub fn panic_message(st: &State, value: &Value) -> String {
    let value = match value {
        Value::Boxed(boxed) => &boxed.value,
        other => other,
    };
    let text = match value {
        Value::Str(text) => text.to_string(),
        Value::Error(_) => super::errors::error_text(st, value).unwrap_or_default(),
        other => return format_value(st, other),
    };
    text.replace('\n', "\n\t")
}
