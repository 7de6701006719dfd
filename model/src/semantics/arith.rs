//! Go's arithmetic and comparison operators on the machine's values (Go spec, "Arithmetic
//! operators" and "Comparison operators"): integers wrap as int64 does (`Instr::Wrap` narrows
//! them to their kind afterwards), division by zero and negative shifts are run-time panics.

use super::exec::{runtime_error, Trap};
use super::value::Value;
use crate::program::BinOp;

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
