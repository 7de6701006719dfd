//! Local execution: everything a goroutine does between two synchronization operations, and
//! the control flow that crosses them (calls, returns, deferred calls, panics, `Goexit`).
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

use super::format::{format_print, format_sprintf, format_value};
use super::state::{Deferred, End, Frame, Goroutine, Object, State, Status, UnwindKind, Unwinding};
use super::value::{Gid, Value};
use super::zero::zero_value;
use crate::explore::StepError;
use crate::program::{BinOp, FuncId, Instr, Program, UnOp};

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
    /// A value past gomc's allocation bound (`limits.rs`): not a Go error but a step the
    /// checker cannot take; the instruction's step fails with this message.
    TooLarge(String),
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
        if let Trap::TooLarge(message) = trap {
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

/// Turns a trap into a panic of goroutine `g` (or ends the program for a fatal error).
pub fn raise(program: &Program, st: &mut State, g: Gid, trap: Trap) {
    match trap {
        Trap::Panic(message) => {
            let value = super::errors::new_error(st, &message, Value::Nil);
            start_panic(program, st, g, value, message);
        }
        Trap::PanicString(message) => {
            let value = Value::str(&message);
            start_panic(program, st, g, value, message);
        }
        Trap::Fatal(message) => {
            let stack = frame_positions(st.goroutine(g));
            st.end = Some(End::Panic {
                goroutine: g,
                message: format!("fatal error: {message}"),
                stack,
            });
        }
        Trap::TooLarge(message) => {
            unreachable!("internal error: only local instructions allocate ({message})")
        }
    }
}

/// Starts a panic with `value` in goroutine `g` (runtime/panic.go's `gopanic`): pushes it on
/// the goroutine's panic chain and unwinds, running deferred calls.
pub fn start_panic(program: &Program, st: &mut State, g: Gid, value: Value, message: String) {
    let stack = frame_positions(st.goroutine(g));
    st.goroutine_mut(g).unwinding.push(Unwinding {
        kind: UnwindKind::Panic {
            value,
            message,
            recovered: false,
            stack,
        },
        invoked: None,
    });
    continue_unwinding(program, st, g);
}

/// The function and instruction of each of the goroutine's frames, outermost first.
fn frame_positions(goroutine: &Goroutine) -> Vec<(FuncId, u32)> {
    goroutine
        .frames
        .iter()
        .map(|frame| (frame.func, frame.pc))
        .collect()
}

/// Starts `runtime.Goexit` in goroutine `g`. A panic in progress stays in the chain (for
/// printing) but is abandoned: the goroutine ends once its deferred calls have run.
pub fn start_goexit(program: &Program, st: &mut State, g: Gid) {
    st.goroutine_mut(g).unwinding.push(Unwinding {
        kind: UnwindKind::Goexit,
        invoked: None,
    });
    continue_unwinding(program, st, g);
}

/// Unwinds goroutine `g` for its newest panic or Goexit to the next deferred call (and starts
/// it), or ends the goroutine (for `Goexit`) or the program (for a panic) when none is left.
fn continue_unwinding(program: &Program, st: &mut State, g: Gid) {
    loop {
        let goroutine = st.goroutine_mut(g);
        let Some(frame) = goroutine.frames.last() else {
            finish_unwinding(st, g);
            return;
        };
        let depth = goroutine.frames.len() as u32 - 1;
        if goroutine
            .defers
            .last()
            .is_some_and(|deferred| deferred.frame == depth)
        {
            let deferred = goroutine.defers.pop().expect("checked above");
            goroutine
                .unwinding
                .last_mut()
                .expect("internal error: unwinding without a panic or Goexit")
                .invoked = Some(depth + 1);
            call_deferred(program, goroutine, deferred);
            return;
        }
        let base = frame.base as usize;
        goroutine.stack.truncate(base);
        goroutine.frames.pop();
    }
}

/// The goroutine has no frames left while unwinding.
fn finish_unwinding(st: &mut State, g: Gid) {
    let goroutine = st.goroutine_mut(g);
    match goroutine.unwinding.last().map(|u| &u.kind) {
        Some(UnwindKind::Panic { stack, .. }) => {
            let stack = stack.clone();
            let message = print_panics(&goroutine.unwinding);
            kill(goroutine);
            st.end = Some(End::Panic {
                goroutine: g,
                message,
                stack,
            });
        }
        Some(UnwindKind::Goexit) | None => kill(goroutine),
    }
}

/// The text Go prints for a goroutine's panic chain when the newest panic is not recovered
/// (runtime/panic.go's `printpanics`): oldest first, a tab before each panic that follows a
/// panic, `Goexit`s left out, ` [recovered]` after recovered ones.
fn print_panics(chain: &[Unwinding]) -> String {
    let mut out = String::new();
    for (index, unwinding) in chain.iter().enumerate() {
        if index > 0 && !matches!(chain[index - 1].kind, UnwindKind::Goexit) {
            out.push('\t');
        }
        if let UnwindKind::Panic {
            message, recovered, ..
        } = &unwinding.kind
        {
            out.push_str("panic: ");
            out.push_str(message);
            if *recovered {
                out.push_str(" [recovered]");
            }
            out.push('\n');
        }
    }
    out.pop();
    out
}

/// Marks a goroutine finished and drops what it held.
fn kill(goroutine: &mut Goroutine) {
    goroutine.status = Status::Dead;
    goroutine.stack = Vec::new();
    goroutine.frames = Vec::new();
    goroutine.defers = Vec::new();
    goroutine.unwinding = Vec::new();
}

/// Pushes a frame for the deferred call.
fn call_deferred(program: &Program, goroutine: &mut Goroutine, deferred: Deferred) {
    let Value::Func { func, env } = deferred.func else {
        unreachable!("internal error: deferred call of a non-function is rejected at the defer");
    };
    let base = goroutine.stack.len() as u32;
    goroutine.stack.extend(deferred.args);
    push_frame(program, goroutine, func, env, base, true);
}

/// Pushes a frame whose parameters are already at `stack[base..]`.
pub(super) fn push_frame(
    program: &Program,
    goroutine: &mut Goroutine,
    func: crate::program::FuncId,
    env: Option<super::value::ObjId>,
    base: u32,
    deferred_call: bool,
) {
    let locals = program.function(func).locals as usize;
    goroutine.stack.resize(base as usize + locals, Value::Nil);
    goroutine.frames.push(Frame {
        func,
        pc: 0,
        base,
        env,
        returning: false,
        deferred_call,
    });
}

/// `Return` in the innermost frame of `g`: runs its next deferred call, or returns.
fn do_return(program: &Program, st: &mut State, g: Gid) {
    let goroutine = st.goroutine_mut(g);
    let depth = goroutine.frames.len() as u32 - 1;
    goroutine.top_mut().returning = true;
    if goroutine
        .defers
        .last()
        .is_some_and(|deferred| deferred.frame == depth)
    {
        let deferred = goroutine.defers.pop().expect("checked above");
        call_deferred(program, goroutine, deferred);
        return;
    }
    let frame = goroutine
        .frames
        .pop()
        .expect("internal error: return without a frame");
    let function = program.function(frame.func);
    let results_at = frame.base as usize + function.params as usize;
    let mut results: Vec<Value> =
        goroutine.stack[results_at..results_at + function.results as usize].to_vec();
    goroutine.stack.truncate(frame.base as usize);
    if let Some(Instr::ResultCells(mask)) = function.code.first() {
        for (index, result) in results.iter_mut().enumerate() {
            if mask & (1 << index) != 0 {
                *result = load(st, result).unwrap_or(Value::Nil);
            }
        }
    }
    let goroutine = st.goroutine_mut(g);
    if goroutine.frames.is_empty() {
        kill(goroutine);
        if g == 1 {
            st.entry_returned = true;
        }
        return;
    }
    if frame.deferred_call {
        after_deferred_call(program, st, g);
    } else {
        goroutine.stack.extend(results);
    }
}

/// A deferred call returned. If the newest panic or Goexit had started it, the unwinding goes
/// on, unless the call recovered the panic: then runtime/panic.go's `recovery` drops the
/// panics that started below the frame that deferred the call (stopping at a `Goexit`, which
/// goes on instead), and that frame returns normally. A call started by a return goes on with
/// that return.
fn after_deferred_call(program: &Program, st: &mut State, g: Gid) {
    let goroutine = st.goroutine_mut(g);
    let returned_at = goroutine.frames.len() as u32;
    let started_by_unwinding = goroutine
        .unwinding
        .last()
        .is_some_and(|u| u.invoked == Some(returned_at));
    if !started_by_unwinding {
        do_return(program, st, g);
        return;
    }
    let recovered = matches!(
        goroutine.unwinding.last(),
        Some(Unwinding {
            kind: UnwindKind::Panic {
                recovered: true,
                ..
            },
            ..
        })
    );
    if !recovered {
        continue_unwinding(program, st, g);
        return;
    }
    // `recovery`: the frame that deferred the call is at index `returned_at - 1`.
    let deferrer = returned_at - 1;
    goroutine.unwinding.pop();
    while let Some(older) = goroutine.unwinding.last() {
        if older.invoked.is_some_and(|frame| deferrer >= frame) {
            break;
        }
        if older.kind == UnwindKind::Goexit {
            continue_unwinding(program, st, g);
            return;
        }
        goroutine.unwinding.pop();
    }
    do_return(program, st, g);
}

/// `recover()` called directly by frame `frame` of goroutine `g` (runtime/panic.go's
/// `gorecover`): the newest panic's value when `frame` is the deferred call that panic is
/// running and the panic is not recovered yet (it is then); nil otherwise, and during `Goexit`.
fn recover(goroutine: &mut Goroutine, frame: usize) -> Value {
    match goroutine.unwinding.last_mut() {
        Some(Unwinding {
            kind: UnwindKind::Panic {
                value, recovered, ..
            },
            invoked: Some(invoked),
        }) if *invoked as usize == frame && !*recovered => {
            *recovered = true;
            value.clone()
        }
        _ => Value::Nil,
    }
}

/// Calls the function value `callee` with `args` arguments already on the stack.
fn call_value(program: &Program, goroutine: &mut Goroutine, args: u32) -> Exec {
    let at = goroutine.stack.len() - args as usize - 1;
    let callee = goroutine.stack.remove(at);
    let Value::Func { func, env } = callee else {
        return Err(runtime_error(
            "invalid memory address or nil pointer dereference",
        ));
    };
    push_frame(program, goroutine, func, env, at as u32, false);
    Ok(())
}

/// Executes one local (non-sync) instruction of goroutine `g`, whose pc already points past it.
fn exec_local(program: &Program, st: &mut State, g: Gid, instr: &Instr, log: &mut StepLog) -> Exec {
    match instr {
        Instr::Return => {
            do_return(program, st, g);
            return Ok(());
        }
        Instr::Zero(ty) => {
            let value = zero_value(program, st, *ty);
            st.goroutine_mut(g).push(value);
            return Ok(());
        }
        Instr::LoadGlobal(global) => {
            let value = st.globals[global.0 as usize].clone();
            st.goroutine_mut(g).push(value);
            return Ok(());
        }
        Instr::StoreGlobal(global) => {
            let value = st.goroutine_mut(g).pop();
            Arc::make_mut(&mut st.globals)[global.0 as usize] = value;
            return Ok(());
        }
        Instr::Print { args, newline } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            log.output.push(format_print(st, &values, *newline));
            return Ok(());
        }
        Instr::Printf { args } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let format = st.goroutine_mut(g).pop();
            log.output.push(format_sprintf(st, &format, &values));
            return Ok(());
        }
        Instr::Sprintf { args } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let format = st.goroutine_mut(g).pop();
            let text = format_sprintf(st, &format, &values);
            super::limits::check_size("string", text.len())?;
            st.goroutine_mut(g).push(Value::str(&text));
            return Ok(());
        }
        Instr::Sprint { args, newline } => {
            let values = st.goroutine_mut(g).pop_n(*args as usize);
            let mut text = format_print(st, &values, *newline);
            if *newline {
                text.push('\n');
            }
            super::limits::check_size("string", text.len())?;
            st.goroutine_mut(g).push(Value::str(&text));
            return Ok(());
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
            return Ok(());
        }
        Instr::ResultCells(_) => return Ok(()),
        _ => {}
    }
    if let Some(result) = exec_goroutine_local(program, st.goroutine_mut(g), instr) {
        return result;
    }
    super::heap::exec_data(program, st, g, instr)
}

/// Executes the control-flow and stack instructions that touch only goroutine `g`.
pub fn exec_goroutine_local(
    program: &Program,
    goroutine: &mut Goroutine,
    instr: &Instr,
) -> Option<Exec> {
    let result = match instr {
        Instr::PushInt(value) => {
            goroutine.push(Value::Int(*value));
            Ok(())
        }
        Instr::PushBool(value) => {
            goroutine.push(Value::Bool(*value));
            Ok(())
        }
        Instr::PushStr(id) => {
            goroutine.push(Value::str(program.string(*id)));
            Ok(())
        }
        Instr::PushNil => {
            goroutine.push(Value::Nil);
            Ok(())
        }
        Instr::LoadLocal(slot) => {
            let value = goroutine.stack[goroutine.top().base as usize + *slot as usize].clone();
            goroutine.push(value);
            Ok(())
        }
        Instr::StoreLocal(slot) => {
            let value = goroutine.pop();
            let at = goroutine.top().base as usize + *slot as usize;
            goroutine.stack[at] = value;
            Ok(())
        }
        Instr::Dup => {
            let value = goroutine.peek(0).clone();
            goroutine.push(value);
            Ok(())
        }
        Instr::Dup2 => {
            let (a, b) = (goroutine.peek(1).clone(), goroutine.peek(0).clone());
            goroutine.push(a);
            goroutine.push(b);
            Ok(())
        }
        Instr::Pop => {
            goroutine.pop();
            Ok(())
        }
        Instr::MakeStruct(count) => {
            let fields = goroutine.pop_n(*count as usize);
            goroutine.push(Value::Tuple(Arc::from(fields)));
            Ok(())
        }
        Instr::MakeArray(count) => {
            let items = goroutine.pop_n(*count as usize);
            goroutine.push(Value::Array(Arc::from(items)));
            Ok(())
        }
        Instr::Field(index) => {
            let value = goroutine.pop();
            match value {
                Value::Tuple(fields) => {
                    goroutine.push(fields[*index as usize].clone());
                    Ok(())
                }
                other => unreachable!("internal error: field of non-struct {other:?}"),
            }
        }
        Instr::SetField(index) => {
            let value = goroutine.pop();
            let Value::Tuple(fields) = goroutine.pop() else {
                unreachable!("internal error: field of non-struct");
            };
            let mut fields = fields.to_vec();
            fields[*index as usize] = value;
            goroutine.push(Value::Tuple(Arc::from(fields)));
            Ok(())
        }
        Instr::Unary(op) => {
            let value = goroutine.pop();
            let result = match (op, value) {
                (UnOp::Neg, Value::Int(v)) => Value::Int(v.wrapping_neg()),
                (UnOp::BitNot, Value::Int(v)) => Value::Int(!v),
                (UnOp::Not, Value::Bool(v)) => Value::Bool(!v),
                (op, value) => unreachable!("internal error: {op:?} on {value:?}"),
            };
            goroutine.push(result);
            Ok(())
        }
        Instr::Wrap(kind) => {
            let Value::Int(v) = goroutine.pop() else {
                unreachable!("internal error: wrap of a non-integer");
            };
            match kind.wrap(v) {
                Some(wrapped) => {
                    goroutine.push(Value::Int(wrapped));
                    Ok(())
                }
                None => Err(Trap::TooLarge(format!(
                    "the model makes a {} value of 2^63 or more ({}), which gomc's 64-bit \
                     signed integers cannot hold (a bound of the checker, not of Go)",
                    kind.name(),
                    v as u64
                ))),
            }
        }
        Instr::Binary(op) => {
            let right = goroutine.pop();
            let left = goroutine.pop();
            if matches!(op, BinOp::Eq | BinOp::Ne) {
                if let Err(trap) = super::iface::check_comparable(program, &left, &right) {
                    return Some(Err(trap));
                }
            }
            binary(*op, left, right).map(|value| goroutine.push(value))
        }
        Instr::Jump(target) => {
            goroutine.top_mut().pc = *target;
            Ok(())
        }
        Instr::JumpIfFalse(target) | Instr::JumpIfTrue(target) => {
            let wanted = matches!(instr, Instr::JumpIfTrue(_));
            if goroutine.pop() == Value::Bool(wanted) {
                goroutine.top_mut().pc = *target;
            }
            Ok(())
        }
        Instr::Call { func, args } => {
            let base = (goroutine.stack.len() - *args as usize) as u32;
            push_frame(program, goroutine, *func, None, base, false);
            Ok(())
        }
        Instr::CallValue { args } => call_value(program, goroutine, *args),
        Instr::FuncValue(func) => {
            goroutine.push(Value::Func {
                func: *func,
                env: None,
            });
            Ok(())
        }
        Instr::LoadCapture(index) => {
            // The environment lives in the heap; handled by the caller.
            let _ = index;
            return None;
        }
        Instr::Defer { args } => {
            let arguments = goroutine.pop_n(*args as usize);
            let func = goroutine.pop();
            if !matches!(func, Value::Func { .. }) {
                return Some(Err(runtime_error(
                    "invalid memory address or nil pointer dereference",
                )));
            }
            let frame = goroutine.frames.len() as u32 - 1;
            goroutine.defers.push(Deferred {
                frame,
                func,
                args: arguments,
            });
            Ok(())
        }
        _ => return None,
    };
    Some(result)
}

/// Go's binary operators on two values.
pub fn binary(op: BinOp, left: Value, right: Value) -> Result<Value, Trap> {
    use BinOp::*;
    Ok(match (op, left, right) {
        (Eq, left, right) => Value::Bool(left == right),
        (Ne, left, right) => Value::Bool(left != right),
        (Add, Value::Str(a), Value::Str(b)) => {
            super::limits::check_size("string", a.len() + b.len())?;
            Value::str(&format!("{a}{b}"))
        }
        (Lt, Value::Str(a), Value::Str(b)) => Value::Bool(a < b),
        (Le, Value::Str(a), Value::Str(b)) => Value::Bool(a <= b),
        (Gt, Value::Str(a), Value::Str(b)) => Value::Bool(a > b),
        (Ge, Value::Str(a), Value::Str(b)) => Value::Bool(a >= b),
        (op, Value::Int(a), Value::Int(b)) => match op {
            Add => Value::Int(a.wrapping_add(b)),
            Sub => Value::Int(a.wrapping_sub(b)),
            Mul => Value::Int(a.wrapping_mul(b)),
            Div | Rem if b == 0 => return Err(runtime_error("integer divide by zero")),
            Div => Value::Int(a.wrapping_div(b)),
            Rem => Value::Int(a.wrapping_rem(b)),
            And => Value::Int(a & b),
            Or => Value::Int(a | b),
            Xor => Value::Int(a ^ b),
            AndNot => Value::Int(a & !b),
            Shl | Shr if b < 0 => return Err(runtime_error("negative shift amount")),
            Shl => Value::Int(if b >= 64 { 0 } else { a << b }),
            Shr => Value::Int(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            }),
            Lt => Value::Bool(a < b),
            Le => Value::Bool(a <= b),
            Gt => Value::Bool(a > b),
            Ge => Value::Bool(a >= b),
            Eq | Ne => unreachable!("handled above"),
        },
        (op, left, right) => unreachable!("internal error: {op:?} on {left:?} and {right:?}"),
    })
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
        lock_retry: false,
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
