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
use super::types::{FloatKind::F64, IntKind, Ty, FLOAT64, INT};
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
                    let word = value
                        .integral()
                        .filter(|v| super::constant::fits(*kind, v))
                        .and_then(|v| super::constant::machine_word(&v));
                    return match word {
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
        if let Ty::Int(_) = target {
            // The constant takes the other operand's type: it must fit it.
            self.const_place = Some((Some(other.clone()), String::new()));
        }
        self.expr(node)
    }

    /// An untyped integer constant is exact, but the machine's words are 64 bits: one past
    /// int64 may only go where a typed place that can hold it (a `uint64`, a `float64`) takes
    /// it, which `check_assignable` then checks. Anywhere else it becomes an `int`, and go
    /// build's error is gomc's: "cannot use 1 << 70 (untyped int constant
    /// 1180591620717411303424) as int value in assignment (overflows)" where the place is
    /// named, "1 << 63 (untyped int constant 9223372036854775808) overflows int" for an
    /// operand. `true` when an untyped integer constant goes to a float place (where it is
    /// pushed as a float).
    pub(super) fn check_int_place(
        &self,
        node: Node<'t>,
        value: &ConstValue,
        ty: &Ty,
        place: Option<(Option<Ty>, String)>,
    ) -> Result<bool> {
        let ConstValue::Int(v) = value else {
            return Ok(false);
        };
        let (target, context) = match place {
            Some((Some(target), context)) if target != INT => (target, context),
            Some((_, context)) => (INT, context),
            None => (INT, String::new()),
        };
        let (kind, target) = match self.types.underlying(&target) {
            Ty::Int(kind) => (kind, target),
            // A float place holds any constant within gc's 512 bits; another (an interface)
            // takes the constant's default type, int.
            Ty::Float(_) => return Ok(*ty == INT),
            _ => (IntKind::Int, INT),
        };
        // A typed constant was checked against its type where it was made.
        if *ty != INT || super::constant::fits(kind, v) {
            return Ok(false);
        }
        let text = self.src.text_of(node);
        let shown = if v.to_string() == text {
            String::new()
        } else {
            format!(" {v}")
        };
        let ty = self.types.describe(&target);
        // A named typed place reports through check_assignable, which knows the statement.
        if target != INT && !context.is_empty() {
            return Ok(false);
        }
        Err(self.src.error(
            node,
            if context.is_empty() {
                format!("{text} (untyped int constant{shown}) overflows {ty}")
            } else {
                format!("cannot use {text} (untyped int constant{shown}) as {ty} value in {context} (overflows)")
            },
        ))
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
            (Ty::Float(kind), Ty::Int(from)) if from.unsigned_word() => {
                self.emit(Instr::UnsignedToFloat(*kind), node)
            }
            (Ty::Float(kind), Ty::Int(_) | Ty::Float(_)) => self.emit(Instr::ToFloat(*kind), node),
            (Ty::Int(kind), Ty::Float(_)) => self.emit(Instr::FloatToInt(*kind), node),
            _ => return false,
        }
        true
    }
}
