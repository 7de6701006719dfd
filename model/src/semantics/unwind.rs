//! Unwinding: returns, deferred calls, panics, `recover` and `Goexit`, mirroring Go 1.23's
//! runtime/panic.go (the rules are listed in `exec.rs`'s header, which runs the instructions
//! that start them).
//!
//! Invariants: deferred calls run last-in first-out; a goroutine's `unwinding` chain is empty
//! unless it unwinds or runs a deferred call of one; a dead goroutine has no frames, stack or
//! deferred calls.

use super::exec::{load, Trap};
use super::state::{Deferred, End, Frame, Goroutine, State, Status, UnwindKind, Unwinding};
use super::value::{Gid, Value};
use crate::program::{FuncId, Instr, Program};

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
        Trap::CheckerLimit(message) => {
            unreachable!(
                "internal error: only local instructions reach a limit of the checker ({message})"
            )
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
pub(super) fn continue_unwinding(program: &Program, st: &mut State, g: Gid) {
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
pub(super) fn finish_unwinding(st: &mut State, g: Gid) {
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
pub(super) fn kill(goroutine: &mut Goroutine) {
    goroutine.status = Status::Dead;
    goroutine.stack = Vec::new();
    goroutine.frames = Vec::new();
    goroutine.defers = Vec::new();
    goroutine.unwinding = Vec::new();
}

/// Pushes a frame for the deferred call.
pub(super) fn call_deferred(program: &Program, goroutine: &mut Goroutine, deferred: Deferred) {
    let Value::Func { func, env } = deferred.func else {
        unreachable!("internal error: deferred call of a non-function is rejected at the defer");
    };
    let base = goroutine.stack.len() as u32;
    goroutine.stack.extend(deferred.args);
    push_frame(program, goroutine, func, env, base, true);
}

/// Pushes a frame whose parameters are already at `stack[base..]`.
pub fn push_frame(
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
pub(super) fn do_return(program: &Program, st: &mut State, g: Gid) {
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
pub(super) fn after_deferred_call(program: &Program, st: &mut State, g: Gid) {
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
pub(super) fn recover(goroutine: &mut Goroutine, frame: usize) -> Value {
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
