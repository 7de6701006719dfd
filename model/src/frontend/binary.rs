//! Binary operators: `&&`/`||` with short-circuit jumps, arithmetic and comparisons with their
//! operands' types checked as `go build` checks them ("mismatched types int and
//! time.Duration"), untyped constants taking the other operand's type.

use tree_sitter::Node;

use super::constant::{self, ConstValue};
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{IntKind, Ty, INT};
use crate::program::{BinOp, Instr};

impl<'t> Lowerer<'t> {
    pub(super) fn binary(&mut self, node: Node<'t>) -> Result<Ty> {
        let left = self.required(node, "left")?;
        let right = self.required(node, "right")?;
        let operator = self.src.text_of(self.required(node, "operator")?);
        if matches!(operator, "&&" | "||") {
            self.expr(left)?;
            self.emit(Instr::Dup, node);
            let jump = if operator == "&&" {
                self.emit_jump(Instr::JumpIfFalse, node)
            } else {
                self.emit_jump(Instr::JumpIfTrue, node)
            };
            self.emit(Instr::Pop, node);
            self.expr(right)?;
            self.patch_here(jump);
            return Ok(Ty::Bool);
        }
        let Some(op) = constant::binary_operator(operator) else {
            return Err(self.src.unsupported(node, format!("operator {operator}")));
        };
        let ty = self.type_of(node)?;
        let (left_ty, right_ty) = if matches!(op, BinOp::Eq | BinOp::Ne) {
            // An interface compared with a concrete value: the value is converted (boxed).
            // Otherwise an untyped constant takes the other operand's type (`f == 32` with
            // a float64 f compares with 32.0), as in arithmetic.
            let (left_static, right_static) = (self.type_of(left)?, self.type_of(right)?);
            let left_ty = if self.types.is_interface(&right_static) {
                let left_ty = self.expr(left)?;
                self.coerce(&left_static, &right_static, left, "comparison")?;
                left_ty
            } else {
                self.numeric_operand(left, &right_static)?
            };
            let right_ty = if self.types.is_interface(&left_static) {
                let right_ty = self.expr(right)?;
                self.coerce(&right_static, &left_static, right, "comparison")?;
                right_ty
            } else {
                self.numeric_operand(right, &left_static)?
            };
            (left_ty, right_ty)
        } else {
            let (left_static, right_static) = (self.type_of(left)?, self.type_of(right)?);
            (
                self.numeric_operand(left, &right_static)?,
                self.numeric_operand(right, &left_static)?,
            )
        };
        if !matches!(op, BinOp::Shl | BinOp::Shr) {
            let comparison = matches!(op, BinOp::Eq | BinOp::Ne);
            // types2 reports a comparison's mismatch at its right operand, others at the
            // expression.
            let ordered = matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
            let at = if comparison || ordered { right } else { node };
            self.check_operand_types(node, at, (left, right), (&left_ty, &right_ty), comparison)?;
            if comparison {
                self.check_comparable(node, &left_ty, &right_ty)?;
            }
        }
        if matches!(op, BinOp::Div | BinOp::Rem) {
            self.check_divisor(&left_ty, right)?;
        }
        self.check_integer_operands(op, operator, node, (left, right), (&left_ty, &right_ty))?;
        if matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem
        ) {
            let shape = |t: &Ty| self.types.underlying(t);
            let (l, r) = (shape(&left_ty), shape(&right_ty));
            let ok = match op {
                BinOp::Add => {
                    (matches!(l, Ty::Int(_) | Ty::Float(_) | Ty::String))
                        && (matches!(r, Ty::Int(_) | Ty::Float(_) | Ty::String))
                }
                BinOp::Rem => matches!(l, Ty::Int(_)) && matches!(r, Ty::Int(_)),
                _ => {
                    matches!(l, Ty::Int(_) | Ty::Float(_)) && matches!(r, Ty::Int(_) | Ty::Float(_))
                }
            };
            if !ok {
                return Err(self.src.error(
                    node,
                    format!(
                        "invalid operation: operator {operator} not defined on {} ({})",
                        self.src.text_of(left),
                        self.operand_description(left, &left_ty)
                    ),
                ));
            }
        }
        // An untyped constant operand has the other's type (`1<<63 < u` compares uint64s).
        let operands = if left_ty == INT && !matches!(op, BinOp::Shl | BinOp::Shr) {
            &right_ty
        } else {
            &left_ty
        };
        let instr = self.binary_instr(op, Some(operands));
        self.emit(instr, node);
        if !op.is_comparison() {
            self.emit_wrap(&ty, node);
        }
        Ok(ty)
    }

    /// Shifts and bitwise operators take integers only (Go spec, "Arithmetic operators"; types2
    /// expr.go): "invalid operation: shifted operand x (variable of type float64) must be
    /// integer", "shift count f (...) must be integer", "operator & not defined on x (...)".
    /// An untyped constant operand is left to constant folding.
    fn check_integer_operands(
        &mut self,
        op: BinOp,
        operator: &str,
        node: Node<'t>,
        (left, right): (Node<'t>, Node<'t>),
        (left_ty, right_ty): (&Ty, &Ty),
    ) -> Result<()> {
        let integer = |lowerer: &Self, ty: &Ty| matches!(lowerer.types.underlying(ty), Ty::Int(_));
        let problem = match op {
            BinOp::Shl | BinOp::Shr => {
                if !integer(self, left_ty) && self.const_value(left)?.is_none() {
                    Some((left, "shifted operand", true))
                } else if !integer(self, right_ty) && self.const_value(right)?.is_none() {
                    Some((right, "shift count", true))
                } else {
                    None
                }
            }
            BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot => {
                (!integer(self, left_ty) || !integer(self, right_ty)).then_some((left, "", false))
            }
            _ => None,
        };
        let Some((operand, what, shift)) = problem else {
            return Ok(());
        };
        let ty = if operand == left { left_ty } else { right_ty };
        let text = self.src.text_of(operand).to_string();
        let description = self.operand_description(operand, ty);
        Err(if shift {
            self.src.error(
                operand,
                format!("invalid operation: {what} {text} ({description}) must be integer"),
            )
        } else {
            self.src.error(
                node,
                format!(
                    "invalid operation: operator {operator} not defined on {text} ({description})"
                ),
            )
        })
    }

    /// Go's rule that the operands of a binary operator (other than a shift) have identical
    /// types unless one is an untyped constant (for `==` and `!=`, that one is assignable to the
    /// other's type): `n * time.Second` with an `int` n is "mismatched types int and
    /// time.Duration". A constant of a default type (`int`, `rune`, `string`, `bool`) counts as
    /// untyped here, so a typed constant of such a type is let through.
    fn check_operand_types(
        &mut self,
        node: Node<'t>,
        at: Node<'t>,
        (left, right): (Node<'t>, Node<'t>),
        (left_ty, right_ty): (&Ty, &Ty),
        comparison: bool,
    ) -> Result<()> {
        if comparison
            && (self
                .check_assignable(left_ty, right_ty, node, "comparison")
                .is_ok()
                || self
                    .check_assignable(right_ty, left_ty, node, "comparison")
                    .is_ok())
        {
            return Ok(());
        }
        if left_ty == right_ty
            || self.types.is_interface(left_ty)
            || self.types.is_interface(right_ty)
            || matches!(left_ty, Ty::UntypedNil)
            || matches!(right_ty, Ty::UntypedNil)
        {
            return Ok(());
        }
        for (operand, other) in [(left, right_ty), (right, left_ty)] {
            let other_is_int = matches!(self.types.underlying(other), Ty::Int(_));
            // A shift of an untyped constant by a non-constant count takes the type the
            // constant would take alone (Go spec, "Operators": `val | 1<<n` is a uint64 when
            // val is one).
            if other_is_int && self.untyped_constant_shift(operand)? {
                return Ok(());
            }
            if let Some((value, ty)) = self.const_value(operand)? {
                // An untyped floating-point constant with an integral value converts to the
                // integer operand's type (`i == 1e3`).
                if let (ConstValue::Float(f), true) = (&value, other_is_int) {
                    if ty == super::types::FLOAT64 && f.fract() == 0.0 {
                        return Ok(());
                    }
                }
                let default =
                    ty == INT || matches!(ty, Ty::String | Ty::Bool | Ty::Int(IntKind::Int32));
                if !default {
                    continue;
                }
                // An untyped constant of another kind than the other operand's basic type
                // (`"up:" + i` with an int i) is still a mismatch, in types2's words.
                let kind = match (&value, self.types.underlying(other)) {
                    (ConstValue::Str(_), Ty::Int(_) | Ty::Float(_) | Ty::Bool) => "string",
                    (ConstValue::Int(_), Ty::String | Ty::Bool) if ty == INT => "int",
                    (ConstValue::Int(_), Ty::String | Ty::Bool) => "rune",
                    (ConstValue::Bool(_), Ty::Int(_) | Ty::Float(_) | Ty::String) => "bool",
                    _ => return Ok(()),
                };
                let (left_text, right_text) = if operand == left {
                    (format!("untyped {kind}"), self.types.describe(right_ty))
                } else {
                    (self.types.describe(left_ty), format!("untyped {kind}"))
                };
                return Err(self.src.error(
                    at,
                    format!(
                        "invalid operation: {} (mismatched types {left_text} and {right_text})",
                        self.src.text_of(node)
                    ),
                ));
            }
        }
        Err(self.src.error(
            at,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                self.src.text_of(node),
                self.types.describe(left_ty),
                self.types.describe(right_ty)
            ),
        ))
    }

    /// Whether `operand` is `c << n` or `c >> n` with `c` an untyped integer constant and `n`
    /// not a constant: such a shift has no type of its own.
    fn untyped_constant_shift(&mut self, operand: Node<'t>) -> Result<bool> {
        let mut operand = super::syntax::unparen(operand);
        // `-(1 << n)` is such a shift too.
        while operand.kind() == "unary_expression"
            && operand
                .child_by_field_name("operator")
                .is_some_and(|o| matches!(self.src.text_of(o), "-" | "+" | "^"))
        {
            operand = super::syntax::unparen(self.required(operand, "operand")?);
        }
        if operand.kind() != "binary_expression" {
            return Ok(false);
        }
        let operator = self.src.text_of(self.required(operand, "operator")?);
        if !matches!(operator, "<<" | ">>") {
            return Ok(false);
        }
        let left = self.required(operand, "left")?;
        let right = self.required(operand, "right")?;
        let untyped_left =
            matches!(self.const_value(left)?, Some((ConstValue::Int(_), ty)) if ty == INT);
        Ok(untyped_left && self.const_value(right)?.is_none())
    }
}
