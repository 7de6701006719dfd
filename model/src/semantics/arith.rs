//! Go's arithmetic and comparison operators on the machine's values (Go spec, "Arithmetic
//! operators" and "Comparison operators"): integers wrap as int64 does (`Instr::Wrap` narrows
//! them to their kind afterwards), division by zero and negative shifts are run-time panics.
//! Floating-point operations are IEEE 754's, rounded to the operands' kind; dividing by zero
//! gives an infinity or NaN, never a panic, and NaN compares unequal to everything.

use super::exec::{runtime_error, Trap};
use super::value::{Float, Value};
use crate::program::BinOp;

/// Go's binary operators on two values.
pub fn binary(op: BinOp, left: Value, right: Value) -> Result<Value, Trap> {
    use BinOp::*;
    Ok(match (op, left, right) {
        (op, Value::Float(a), Value::Float(b)) => float_binary(op, a, b),
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

/// A binary operator on two floating-point values of one kind (the type check makes them so).
fn float_binary(op: BinOp, a: Float, b: Float) -> Value {
    use BinOp::*;
    let kind = a.kind;
    let (a, b) = (a.get(), b.get());
    let number = |v: f64| Value::Float(Float::new(kind, v));
    match op {
        Add => number(a + b),
        Sub => number(a - b),
        Mul => number(a * b),
        Div => number(a / b),
        Eq => Value::Bool(a == b),
        Ne => Value::Bool(a != b),
        Lt => Value::Bool(a < b),
        Le => Value::Bool(a <= b),
        Gt => Value::Bool(a > b),
        Ge => Value::Bool(a >= b),
        Rem | And | Or | Xor | AndNot | Shl | Shr => {
            unreachable!("internal error: {op:?} on floating-point operands")
        }
    }
}
