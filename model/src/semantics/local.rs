//! The instructions that touch only the running goroutine (`Executor::Goroutine`): constants,
//! locals, struct and array values, integer operators and conversions (`arith.rs` computes
//! them), jumps, calls and `defer` (runtime/panic.go's `deferproc`: the deferred function and
//! its arguments are evaluated at the `defer`, a nil function panics there).
//!
//! Invariant: these instructions read and write only the goroutine's own stack and frames, so
//! they need neither the heap nor another goroutine (`exec.rs` lends them the goroutine alone).

use std::sync::Arc;

use super::arith::binary;
use super::exec::{int, runtime_error, Exec, Trap};
use super::state::{Deferred, Goroutine};
use super::unwind::push_frame;
use super::value::{Float, Value};
use crate::program::{BinOp, Instr, Program, UnOp};

/// Executes an instruction that touches only `goroutine` (`Executor::Goroutine`), whose pc
/// already points past it.
pub fn exec(program: &Program, goroutine: &mut Goroutine, instr: &Instr) -> Exec {
    match instr {
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
                (UnOp::Neg, Value::Float(v)) => Value::Float(Float::new(v.kind, -v.get())),
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
            goroutine.push(Value::Int(kind.wrap(v)));
            Ok(())
        }
        Instr::Unsigned(op) => {
            let right = goroutine.pop();
            let left = goroutine.pop();
            super::arith::unsigned_binary(*op, left, right).map(|value| goroutine.push(value))
        }
        Instr::Binary(op) => {
            let right = goroutine.pop();
            let left = goroutine.pop();
            if matches!(op, BinOp::Eq | BinOp::Ne) {
                super::iface::check_comparable(program, &left, &right)?;
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
        Instr::FrameRef => {
            let frame = goroutine.frames.len() as i64 - 1;
            goroutine.push(Value::Int((i64::from(goroutine.id) << 32) | frame));
            Ok(())
        }
        Instr::DeferIn { args } => defer_in(goroutine, *args),
        Instr::Defer { args } => {
            let arguments = goroutine.pop_n(*args as usize);
            let func = goroutine.pop();
            if !matches!(func, Value::Func { .. }) {
                return Err(runtime_error(
                    "invalid memory address or nil pointer dereference",
                ));
            }
            let frame = goroutine.frames.len() as u32 - 1;
            goroutine.defers.push(Deferred {
                frame,
                func,
                args: arguments,
            });
            Ok(())
        }
        other => unreachable!(
            "internal error: {other:?} is not a goroutine-local instruction (routed by \
             Instr::executor)"
        ),
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

/// `DeferIn`: a range-over-func body's deferred call, recorded in the frame of the function
/// around the loop after that frame's earlier deferred calls (the deferred calls stay ordered
/// by frame, so each frame's newest is the last of its own and runs first).
fn defer_in(goroutine: &mut Goroutine, args: u32) -> Exec {
    let reference = int(&goroutine.pop());
    let arguments = goroutine.pop_n(args as usize);
    let func = goroutine.pop();
    if !matches!(func, Value::Func { .. }) {
        return Err(runtime_error(
            "invalid memory address or nil pointer dereference",
        ));
    }
    if reference >> 32 != i64::from(goroutine.id) {
        return Err(Trap::CheckerLimit(
            "a range-over-func body deferred a call while running on another goroutine than \
             its loop's (Go adds it to the loop's function; not modelled)"
                .to_string(),
        ));
    }
    let frame = (reference & 0xffff_ffff) as u32;
    let at = goroutine
        .defers
        .partition_point(|deferred| deferred.frame <= frame);
    goroutine.defers.insert(
        at,
        Deferred {
            frame,
            func,
            args: arguments,
        },
    );
    Ok(())
}
