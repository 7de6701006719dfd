//! Compile-time constants and their arithmetic (integers are int64; overflow is an error, as
//! Go reports it for typed constants).

use crate::program::BinOp;

/// The value of a constant expression.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ConstValue {
    /// An integer (every integer kind, runes).
    Int(i64),
    /// A floating-point number (held as an `f64`, where Go's untyped constants are exact).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A string.
    Str(String),
}

/// Applies a binary operator to two constants; `Err` carries the message.
pub(super) fn binary(
    op: BinOp,
    left: &ConstValue,
    right: &ConstValue,
) -> Result<ConstValue, String> {
    use ConstValue::*;
    let overflow = || "constant overflows int64".to_string();
    Ok(match (left, right) {
        (Int(a), Int(b)) => {
            let (a, b) = (*a, *b);
            match op {
                BinOp::Add => Int(a.checked_add(b).ok_or_else(overflow)?),
                BinOp::Sub => Int(a.checked_sub(b).ok_or_else(overflow)?),
                BinOp::Mul => Int(a.checked_mul(b).ok_or_else(overflow)?),
                BinOp::Div | BinOp::Rem if b == 0 => {
                    return Err("invalid operation: division by zero".into())
                }
                BinOp::Div => Int(a.checked_div(b).ok_or_else(overflow)?),
                BinOp::Rem => Int(a.checked_rem(b).ok_or_else(overflow)?),
                BinOp::And => Int(a & b),
                BinOp::Or => Int(a | b),
                BinOp::Xor => Int(a ^ b),
                BinOp::AndNot => Int(a & !b),
                BinOp::Shl => {
                    if !(0..64).contains(&b) {
                        return Err("invalid shift count".into());
                    }
                    let shifted = a.checked_shl(b as u32).ok_or_else(overflow)?;
                    if shifted >> b != a {
                        return Err(overflow());
                    }
                    Int(shifted)
                }
                BinOp::Shr => {
                    if b < 0 {
                        return Err("invalid shift count".into());
                    }
                    Int(a >> b.min(63))
                }
                op => compare(op, &a, &b).expect("a comparison"),
            }
        }
        (Float(_), Int(_) | Float(_)) | (Int(_), Float(_)) => {
            let (a, b) = (left.as_f64(), right.as_f64());
            // `+ 0.0` turns a negative zero into zero: constants are exact numbers.
            match op {
                BinOp::Add => Float(a + b + 0.0),
                BinOp::Sub => Float(a - b + 0.0),
                BinOp::Mul => Float(a * b + 0.0),
                BinOp::Div if b == 0.0 => return Err("invalid operation: division by zero".into()),
                BinOp::Div => Float(a / b + 0.0),
                op => compare(op, &a, &b).ok_or("invalid operation on floating-point constants")?,
            }
        }
        (Str(a), Str(b)) => match op {
            BinOp::Add => Str(format!("{a}{b}")),
            op => compare(op, a, b).ok_or("invalid operation on string constants")?,
        },
        (Bool(a), Bool(b)) => match op {
            BinOp::Eq => Bool(a == b),
            BinOp::Ne => Bool(a != b),
            _ => return Err("invalid operation on boolean constants".into()),
        },
        _ => return Err("mismatched constant types".into()),
    })
}

/// A comparison of two ordered constants; `None` for an operator that is not one.
fn compare<T: PartialOrd + ?Sized>(op: BinOp, a: &T, b: &T) -> Option<ConstValue> {
    Some(ConstValue::Bool(match op {
        BinOp::Eq => a == b,
        BinOp::Ne => a != b,
        BinOp::Lt => a < b,
        BinOp::Le => a <= b,
        BinOp::Gt => a > b,
        BinOp::Ge => a >= b,
        _ => return None,
    }))
}

impl ConstValue {
    /// A numeric constant as a float (0 for others).
    pub(super) fn as_f64(&self) -> f64 {
        match self {
            ConstValue::Int(v) => *v as f64,
            ConstValue::Float(v) => *v,
            _ => 0.0,
        }
    }

    /// A floating-point constant with an integer value, as that integer (Go's representability
    /// of an untyped float constant in an integer type).
    pub(super) fn integral(&self) -> Option<i64> {
        match self {
            ConstValue::Int(v) => Some(*v),
            ConstValue::Float(v) if v.fract() == 0.0 && v.abs() < 9.2e18 => Some(*v as i64),
            _ => None,
        }
    }
}

/// The binary operator of a Go operator token (`&&`/`||` are not among them).
pub(super) fn binary_operator(token: &str) -> Option<BinOp> {
    Some(match token {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "%" => BinOp::Rem,
        "&" => BinOp::And,
        "|" => BinOp::Or,
        "^" => BinOp::Xor,
        "&^" => BinOp::AndNot,
        "<<" => BinOp::Shl,
        ">>" => BinOp::Shr,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        _ => return None,
    })
}

/// Whether the operator yields a boolean.
pub(super) fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}
