//! Compile-time constants and their arithmetic. Integer constants are exact, as Go's are (Go
//! spec, "Constants": untyped integer constants have arbitrary precision; gc's bound is 512
//! bits), so `1 << 70 >> 68` is 4 and `math.MaxUint64` is a constant like any other. Typed
//! constants are checked against their type by the folding (`constfold.rs`); here live the
//! operators and Go's own limits on untyped values.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::program::{BinOp, IntKind};

/// The value of a constant expression.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ConstValue {
    /// An integer (every integer kind, runes), exact.
    Int(BigInt),
    /// A floating-point number (held as an `f64`, where Go's untyped constants are exact).
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A string.
    Str(String),
}

/// The most bits the magnitude of an integer constant may have: types2 reports "constant
/// addition overflow" (and the like) past it, as gc cannot represent such a value.
const MAX_BITS: u64 = 512;

/// The largest constant shift count types2 accepts (its `shiftBound`, 1023 - 1 + 52: enough to
/// shift the smallest float64 to the largest); a larger one is "invalid shift count".
const SHIFT_BOUND: u64 = 1074;

/// Why a constant operation failed, and where go build puts the message.
#[derive(Debug, PartialEq)]
pub(super) enum ConstError {
    /// At the operator: "constant addition overflow", "constant shift overflow".
    AtOperator(String),
    /// At the right operand: "invalid operation: division by zero", "invalid shift count".
    AtRight(String),
    /// At the whole expression.
    AtExpression(String),
    /// A shift count that no `uint` holds, at the count: go build names it by its text.
    ShiftCountOverflow(BigInt),
}

impl ConstValue {
    /// An integer constant.
    pub(super) fn int(v: impl Into<BigInt>) -> ConstValue {
        ConstValue::Int(v.into())
    }

    /// A numeric constant as a float (0 for others); an integer past float64's range is an
    /// infinity, which no constant within [`MAX_BITS`] reaches.
    pub(super) fn as_f64(&self) -> f64 {
        match self {
            ConstValue::Int(v) => v.to_f64().unwrap_or(f64::NAN),
            ConstValue::Float(v) => *v,
            _ => 0.0,
        }
    }

    /// A floating-point constant with an integer value, as that integer (Go's representability
    /// of an untyped float constant in an integer type).
    pub(super) fn integral(&self) -> Option<BigInt> {
        match self {
            ConstValue::Int(v) => Some(v.clone()),
            ConstValue::Float(v) if v.is_finite() && v.fract() == 0.0 => BigInt::from_f64(*v),
            _ => None,
        }
    }

    /// An integer constant that is a small non-negative count (a length, an index), as one.
    pub(super) fn as_index(&self) -> Option<u64> {
        match self {
            ConstValue::Int(v) => v.to_u64(),
            _ => None,
        }
    }
}

/// Whether `v` is a value of the integer kind (Go's representability: a constant that is not
/// is an error, never wrapped).
pub(super) fn fits(kind: IntKind, v: &BigInt) -> bool {
    let bits = kind.bits();
    if kind.unsigned() {
        !v.is_negative() && v.bits() <= u64::from(bits)
    } else {
        let limit = BigInt::from(1) << (bits - 1);
        *v >= -limit.clone() && *v < limit
    }
}

/// The machine's 64-bit word for an integer constant of a kind that holds it: an unsigned
/// 64-bit value at or above 2^63 is its bit pattern (the machine keeps every integer as an
/// `i64`; `semantics/arith.rs` reads it back as unsigned). `None` for a value no integer kind
/// holds, which the type check must have refused.
pub(super) fn machine_word(v: &BigInt) -> Option<i64> {
    v.to_i64().or_else(|| v.to_u64().map(|u| u as i64))
}

/// Applies a binary operator to two constants.
pub(super) fn binary(
    op: BinOp,
    left: &ConstValue,
    right: &ConstValue,
) -> Result<ConstValue, ConstError> {
    use ConstValue::*;
    if matches!(op, BinOp::Shl | BinOp::Shr) {
        // A float constant with an integer value shifts as that integer (`1 << 2.0`).
        if let (Some(a), Some(b)) = (left.integral(), right.integral()) {
            return int_binary(op, &a, &b);
        }
    }
    Ok(match (left, right) {
        (Int(a), Int(b)) => int_binary(op, a, b)?,
        (Float(_), Int(_) | Float(_)) | (Int(_), Float(_)) => {
            let (a, b) = (left.as_f64(), right.as_f64());
            // `+ 0.0` turns a negative zero into zero: constants are exact numbers.
            match op {
                BinOp::Add => Float(a + b + 0.0),
                BinOp::Sub => Float(a - b + 0.0),
                BinOp::Mul => Float(a * b + 0.0),
                BinOp::Div if b == 0.0 => {
                    return Err(ConstError::AtRight(
                        "invalid operation: division by zero".into(),
                    ))
                }
                BinOp::Div => Float(a / b + 0.0),
                op => compare(op, &a, &b).ok_or_else(|| {
                    ConstError::AtExpression("invalid operation on floating-point constants".into())
                })?,
            }
        }
        (Str(a), Str(b)) => match op {
            BinOp::Add => Str(format!("{a}{b}")),
            op => compare(op, a, b).ok_or_else(|| {
                ConstError::AtExpression("invalid operation on string constants".into())
            })?,
        },
        (Bool(a), Bool(b)) => match op {
            BinOp::Eq => Bool(a == b),
            BinOp::Ne => Bool(a != b),
            _ => {
                return Err(ConstError::AtExpression(
                    "invalid operation on boolean constants".into(),
                ))
            }
        },
        _ => return Err(ConstError::AtExpression("mismatched constant types".into())),
    })
}

/// A binary operator on two integer constants: exact, with go build's errors for a division
/// by zero, a shift count past [`SHIFT_BOUND`] and a result past [`MAX_BITS`].
fn int_binary(op: BinOp, a: &BigInt, b: &BigInt) -> Result<ConstValue, ConstError> {
    let value = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div | BinOp::Rem if b.is_zero() => {
            return Err(ConstError::AtRight(
                "invalid operation: division by zero".into(),
            ))
        }
        // BigInt's `/` and `%` truncate towards zero, as Go's do.
        BinOp::Div => a / b,
        BinOp::Rem => a % b,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::AndNot => a & !b,
        BinOp::Shl | BinOp::Shr => {
            let count = match b.to_u64() {
                Some(count) if count <= SHIFT_BOUND => count,
                _ if b.is_negative() => {
                    return Err(ConstError::AtRight(format!(
                        "invalid operation: negative shift count {b} (untyped int constant)"
                    )))
                }
                Some(_) => {
                    return Err(ConstError::AtRight(format!(
                        "invalid operation: invalid shift count {b} (untyped int constant)"
                    )))
                }
                None => return Err(ConstError::ShiftCountOverflow(b.clone())),
            };
            // BigInt's `>>` rounds towards negative infinity, as Go's arithmetic shift does.
            if op == BinOp::Shl {
                a << count
            } else {
                a >> count
            }
        }
        op => return Ok(compare(op, a, b).expect("the integer operators are all above")),
    };
    if value.bits() > MAX_BITS {
        let name = match op {
            BinOp::Add => "addition",
            BinOp::Sub => "subtraction",
            BinOp::Mul => "multiplication",
            BinOp::Shl => "shift",
            _ => "operation",
        };
        return Err(ConstError::AtOperator(format!("constant {name} overflow")));
    }
    Ok(ConstValue::Int(value))
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

/// `^v` of an integer constant: all bits flipped for an untyped or signed one (`-v - 1`), and
/// only the kind's bits for an unsigned one (`^uint8(1)` is 254).
pub(super) fn complement(v: &BigInt, unsigned: Option<IntKind>) -> BigInt {
    match unsigned {
        Some(kind) => {
            let mask = (BigInt::from(1) << kind.bits()) - 1;
            v ^ mask
        }
        None => -v - 1,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i64) -> ConstValue {
        ConstValue::int(v)
    }

    #[test]
    fn shifts_past_64_bits_are_exact() {
        let big = binary(BinOp::Shl, &int(1), &int(70)).unwrap();
        assert_eq!(binary(BinOp::Shr, &big, &int(68)), Ok(int(4)));
        assert_eq!(binary(BinOp::Shr, &int(-7), &int(1)), Ok(int(-4)));
    }

    #[test]
    fn division_truncates_towards_zero() {
        assert_eq!(binary(BinOp::Div, &int(-7), &int(2)), Ok(int(-3)));
        assert_eq!(binary(BinOp::Rem, &int(-7), &int(2)), Ok(int(-1)));
    }

    #[test]
    fn go_limits_are_errors() {
        let at_limit = binary(BinOp::Shl, &int(1), &int(511)).unwrap();
        assert!(binary(BinOp::Add, &at_limit, &at_limit).is_err());
        assert!(binary(BinOp::Shl, &int(1), &int(512)).is_err());
        assert!(binary(BinOp::Shr, &int(1), &int(1074)).is_ok());
        assert!(binary(BinOp::Shr, &int(1), &int(1075)).is_err());
        assert!(binary(BinOp::Rem, &int(1), &int(0)).is_err());
    }

    #[test]
    fn representability_follows_the_kind() {
        let max_u64 = BigInt::from(u64::MAX);
        assert!(fits(IntKind::Uint64, &max_u64) && !fits(IntKind::Int64, &max_u64));
        assert!(fits(IntKind::Int8, &BigInt::from(-128)) && !fits(IntKind::Int8, &128.into()));
        assert!(!fits(IntKind::Uint, &BigInt::from(-1)));
        assert_eq!(machine_word(&max_u64), Some(-1));
        assert_eq!(
            complement(&BigInt::from(1), Some(IntKind::Uint8)),
            254.into()
        );
        assert_eq!(complement(&BigInt::from(0), None), (-1).into());
    }
}
