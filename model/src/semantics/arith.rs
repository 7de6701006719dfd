//! Go's arithmetic and comparison operators on the machine's values (Go spec, "Arithmetic
//! operators" and "Comparison operators"): integers wrap as int64 does (`Instr::Wrap` narrows
//! them to their kind afterwards; an unsigned 64-bit value is the word of its bits, which
//! `Instr::Unsigned` reads as `u64` where signedness matters), division by zero and negative
//! shifts are run-time panics.
//! Floating-point operations are IEEE 754's, rounded to the operands' kind; dividing by zero
//! gives an infinity or NaN, never a panic, and NaN compares unequal to everything.

use super::exec::{runtime_error, Trap};
use super::state::Goroutine;
use super::value::{Float, Value};
use crate::program::BinOp;
use crate::program::{FloatKind, Instr};

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

/// `/`, `%`, `>>` and the ordered comparisons of two unsigned 64-bit integers, whose machine
/// words are their bits (`Instr::Unsigned`).
pub fn unsigned_binary(op: BinOp, left: Value, right: Value) -> Result<Value, Trap> {
    use BinOp::*;
    let (Value::Int(a), Value::Int(b)) = (&left, &right) else {
        unreachable!("internal error: unsigned {op:?} on {left:?} and {right:?}");
    };
    let (a, b) = (*a as u64, *b as u64);
    Ok(match op {
        Div | Rem if b == 0 => return Err(runtime_error("integer divide by zero")),
        Div => Value::Int((a / b) as i64),
        Rem => Value::Int((a % b) as i64),
        // The count's word read as signed, as `Binary` reads it: a negative signed count
        // panics (an unsigned count of 2^63 or more would not, nor shift anything, in Go).
        Shr if (b as i64) < 0 => return Err(runtime_error("negative shift amount")),
        Shr => Value::Int(if b >= 64 { 0 } else { (a >> b) as i64 }),
        Lt => Value::Bool(a < b),
        Le => Value::Bool(a <= b),
        Gt => Value::Bool(a > b),
        Ge => Value::Bool(a >= b),
        _ => return binary(op, left, right),
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

/// Executes a floating-point instruction of a goroutine (constants, conversions, `println`'s
/// text, package math's primitives); the front end's types guarantee the operands.
pub fn exec_float(goroutine: &mut Goroutine, instr: &Instr) {
    let result = match instr {
        Instr::PushFloat(kind, bits) => Value::Float(Float::new(*kind, f64::from_bits(*bits))),
        Instr::ToFloat(kind) => {
            let v = match goroutine.pop() {
                Value::Int(v) => v as f64,
                Value::Float(v) => v.get(),
                other => unreachable!("internal error: float conversion of {other:?}"),
            };
            Value::Float(Float::new(*kind, v))
        }
        Instr::UnsignedToFloat(kind) => {
            let v = match goroutine.pop() {
                Value::Int(v) => v as u64 as f64,
                other => unreachable!("internal error: unsigned float conversion of {other:?}"),
            };
            Value::Float(Float::new(*kind, v))
        }
        Instr::FloatToInt(kind) => {
            // `as` truncates towards zero and clamps to the range (NaN to 0); an unsigned
            // 64-bit kind takes the u64 (Go's conversion of an in-range value is exact).
            let f = float_operand(goroutine);
            let v = if kind.bits() == 64 && kind.unsigned() {
                f as u64 as i64
            } else {
                f as i64
            };
            Value::Int(kind.wrap(v))
        }
        Instr::PrintFloatText => {
            Value::str(&super::floatfmt::print_float(float_operand(goroutine)))
        }
        Instr::Math(op) => {
            let y = if op.arity() == 2 {
                float_operand(goroutine)
            } else {
                0.0
            };
            let x = float_operand(goroutine);
            Value::Float(Float::new(FloatKind::F64, super::gomath::apply(*op, x, y)))
        }
        other => unreachable!(
            "internal error: {other:?} is not a float instruction (routed by Instr::executor)"
        ),
    };
    goroutine.push(result);
}

/// Pops a float operand.
fn float_operand(goroutine: &mut Goroutine) -> f64 {
    match goroutine.pop() {
        Value::Float(v) => v.get(),
        other => unreachable!("internal error: a float operand is {other:?}"),
    }
}
