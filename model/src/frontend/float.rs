//! Floating-point numbers in expressions (Go spec, "Constants", "Arithmetic operators",
//! "Conversions between numeric types"): untyped numeric constants meeting a typed operand or
//! place take its type, so `f * 2` multiplies two floats and `n * 2.0` two integers; the
//! conversions between integers and floats.
//!
//! Invariant: an operand pushed for a binary operator has the machine representation of the
//! operator's type (`Value::Float` of the right kind, or `Value::Int`), so `semantics/arith.rs`
//! never sees an integer and a float together.

use tree_sitter::Node;

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{FloatKind::F64, Ty, FLOAT64, INT};
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// Lowers one operand of a binary operator whose other operand has static type `other`:
    /// an untyped numeric constant is converted to `other` when a float is involved (Go's
    /// implicit conversion of untyped operands); returns the operand's type.
    pub(super) fn numeric_operand(&mut self, node: Node<'t>, other: &Ty) -> Result<Ty> {
        let target = self.types.underlying(other);
        if let Some((value, ty)) = self.const_value(node)? {
            let untyped = ty == INT || ty == FLOAT64;
            match (&value, &target) {
                (ConstValue::Int(_) | ConstValue::Float(_), Ty::Float(kind)) if untyped => {
                    let bits = kind.round(value.as_f64()).to_bits();
                    self.emit(Instr::PushFloat(*kind, bits), node);
                    return Ok(other.clone());
                }
                (ConstValue::Float(_), Ty::Int(kind)) if ty == FLOAT64 => {
                    return match value.integral().filter(|v| kind.holds(*v)) {
                        Some(v) => {
                            self.emit(Instr::PushInt(v), node);
                            Ok(other.clone())
                        }
                        None => Err(self.src.error(
                            node,
                            format!(
                                "{} (untyped float constant) truncated to {}",
                                self.src.text_of(node),
                                self.types.describe(&Ty::Int(*kind))
                            ),
                        )),
                    };
                }
                _ => {}
            }
        }
        self.expr(node)
    }

    /// After an untyped numeric constant of type `from` was pushed for a place of type `to`
    /// (whose assignability is checked), converts it to the place's representation.
    pub(super) fn convert_untyped_number(&mut self, from: &Ty, to: &Ty, node: Node<'t>) {
        match (from, self.types.underlying(to)) {
            // An untyped float is already a float64; only float32 rounds it.
            (from, Ty::Float(kind)) if *from == INT || (*from == FLOAT64 && kind != F64) => {
                self.emit(Instr::ToFloat(kind), node)
            }
            (from, Ty::Int(kind)) if *from == FLOAT64 => self.emit(Instr::FloatToInt(kind), node),
            _ => {}
        }
    }

    /// A conversion `T(x)` between numeric types that are not both integers; `false` when the
    /// types are not such a pair.
    pub(super) fn numeric_conversion(&mut self, to: &Ty, from: &Ty, node: Node<'t>) -> bool {
        match (to, from) {
            (Ty::Float(kind), Ty::Int(_) | Ty::Float(_)) => self.emit(Instr::ToFloat(*kind), node),
            (Ty::Int(kind), Ty::Float(_)) => self.emit(Instr::FloatToInt(*kind), node),
            _ => return false,
        }
        true
    }
}
