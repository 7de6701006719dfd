//! The slice inside an `any`, for `sort.Slice` (`stdlib/sort.go`): its length and swapping two
//! of its elements, as internal/reflectlite's `ValueOf(x).Len()` and `Swapper(x)` do
//! (reflectlite/swapper.go), with their panic for a value that is not a slice.
//!
//! Invariant: only a slice's backing array is written, at two indices within its length.

use super::exec::{int, runtime_error, Exec, Trap};
use super::state::State;
use super::value::{Gid, Value};
use crate::program::Instr;

/// Executes `AnyLen` or `AnySwap` (`Executor::Reflect`) for goroutine `g`.
pub fn exec(st: &mut State, g: Gid, instr: &Instr) -> Exec {
    match instr {
        Instr::AnyLen => {
            let value = st.goroutine_mut(g).pop();
            slice_of(&value).map(|(_, _, len)| st.goroutine_mut(g).push(Value::Int(len as i64)))
        }
        Instr::AnySwap => {
            let goroutine = st.goroutine_mut(g);
            let j = int(&goroutine.pop());
            let i = int(&goroutine.pop());
            let value = goroutine.pop();
            slice_of(&value).and_then(|(array, offset, len)| {
                for index in [i, j] {
                    if index < 0 || index >= len as i64 {
                        return Err(runtime_error(format!(
                            "index out of range [{index}] with length {len}"
                        )));
                    }
                }
                super::slice::array_mut(st, array)
                    .swap(offset as usize + i as usize, offset as usize + j as usize);
                Ok(())
            })
        }
        other => unreachable!(
            "internal error: {other:?} is not a reflect instruction (routed by Instr::executor)"
        ),
    }
}

/// The backing array, offset and length of the slice `value` holds (a nil slice has none).
fn slice_of(value: &Value) -> Result<(super::value::ObjId, u32, u32), Trap> {
    let inner = match value {
        Value::Boxed(boxed) => &boxed.value,
        other => other,
    };
    match inner {
        Value::Slice {
            array, offset, len, ..
        } => Ok((*array, *offset, *len)),
        // A typed nil slice: nothing to swap.
        Value::Nil if matches!(value, Value::Boxed(_)) => Ok((super::value::ObjId(0), 0, 0)),
        other => Err(Trap::PanicString(format!(
            "reflect: call of Swapper on {} Value",
            kind(other)
        ))),
    }
}

/// reflect's name for the kind of a value that is not a slice.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Nil => "zero",
        Value::Int(_) => "int",
        Value::Float(v) => v.kind.name(),
        Value::Bool(_) => "bool",
        Value::Str(_) => "string",
        Value::Pointer(_) | Value::Inner(_) | Value::Error(_) => "ptr",
        Value::Map(_) => "map",
        Value::Chan(_) => "chan",
        Value::Func { .. } => "func",
        Value::Tuple(_) | Value::Sync(_) => "struct",
        Value::Array(_) => "array",
        Value::Slice { .. } => "slice",
        Value::Boxed(_) => "interface",
    }
}
