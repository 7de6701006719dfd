//! sync/atomic's functions on integers, mirroring Go 1.23's sync/atomic/doc.go and type.go:
//! each is one indivisible operation on the variable a pointer points to, and a scheduling
//! point. The atomic types (`atomic.Bool`, `Int32`, `Int64`, `Uint32`, `Uint64`) hold a plain
//! integer or bool; the front end lowers their methods to these operations on the address of
//! the value.
//!
//! Invariant: a 32-bit operation leaves a value that fits in 32 bits (it wraps at that width).

use super::exec::{int, load, store, StepLog, Trap};
use super::state::State;
use super::value::{Gid, Value};
use super::wake::finish_op;
use crate::program::{Instr, Program};

/// Runs an atomic instruction of goroutine `g`.
pub fn exec(
    program: &Program,
    st: &mut State,
    g: Gid,
    instr: &Instr,
    log: &mut StepLog,
) -> Result<(), Trap> {
    let goroutine = st.goroutine(g);
    let result = match instr {
        Instr::AtomicAdd { bits, unsigned, .. } => {
            let (pointer, delta) = (goroutine.peek(1).clone(), int(goroutine.peek(0)));
            let sum = int(&load(st, &pointer)?).wrapping_add(delta);
            let sum = match (*bits, *unsigned) {
                (32, false) => sum as i32 as i64,
                (32, true) => sum as u32 as i64,
                _ => sum,
            };
            store(st, &pointer, Value::Int(sum))?;
            vec![Value::Int(sum)]
        }
        Instr::AtomicSwap(_) => {
            let (pointer, value) = (goroutine.peek(1).clone(), goroutine.peek(0).clone());
            let old = load(st, &pointer)?;
            store(st, &pointer, value)?;
            vec![old]
        }
        Instr::AtomicLoad(_) => {
            let pointer = goroutine.peek(0).clone();
            vec![load(st, &pointer)?]
        }
        Instr::AtomicStore(_) => {
            let (pointer, value) = (goroutine.peek(1).clone(), goroutine.peek(0).clone());
            store(st, &pointer, value)?;
            Vec::new()
        }
        Instr::AtomicCas(_) => {
            let (pointer, old, new) = (
                goroutine.peek(2).clone(),
                goroutine.peek(1).clone(),
                goroutine.peek(0).clone(),
            );
            let swapped = load(st, &pointer)? == old;
            if swapped {
                store(st, &pointer, new)?;
            }
            vec![Value::Bool(swapped)]
        }
        other => unreachable!("internal error: {other:?} is not atomic"),
    };
    finish_op(program, st, g, &result, log);
    Ok(())
}
