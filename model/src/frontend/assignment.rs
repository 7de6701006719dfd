//! Assignment statements: `=` and `op=` (parallel assignment evaluates every place and value
//! before storing), `++`/`--`, and binding values from the stack to new variables.

use super::lowerer::{Access, Lowerer};
use super::syntax::{named_children, Result};
use super::types::Ty;
use crate::program::{BinOp, Instr};
use tree_sitter::Node;

impl<'t> Lowerer<'t> {
    /// `a = b`, `a, b = b, a`, `a op= b`.
    pub fn assignment(&mut self, node: Node<'t>) -> Result<()> {
        let left = named_children(self.required(node, "left")?);
        let right = named_children(self.required(node, "right")?);
        let operator = self.src.text_of(self.required(node, "operator")?);
        if operator != "=" {
            let op = super::constant::binary_operator(operator.trim_end_matches('='))
                .ok_or_else(|| self.src.unsupported(node, format!("operator {operator}")))?;
            let ([target], [value]) = (left.as_slice(), right.as_slice()) else {
                return Err(self
                    .src
                    .error(node, format!("{operator} needs one operand on each side")));
            };
            let place = self.place(*target)?;
            if let (Some(ty), BinOp::Div | BinOp::Rem) = (&place.ty, op) {
                self.check_divisor(&ty.clone(), *value)?;
            }
            self.emit_place_read(&place, node);
            match &place.ty {
                // `f += 1` on a float: the constant takes the place's type.
                Some(ty) => self.numeric_operand(*value, &ty.clone())?,
                None => self.expr(*value)?,
            };
            let instr = self.binary_instr(op, place.ty.as_ref());
            self.emit(instr, node);
            if let Some(ty) = place.ty.clone() {
                self.emit_wrap(&ty, node);
            }
            self.emit_store(&place, node);
            return Ok(());
        }
        if let ([target], [value]) = (left.as_slice(), right.as_slice()) {
            let place = self.assigned_place(*target)?;
            match &place.ty {
                Some(ty) => self.expr_to(*value, &ty.clone(), "assignment")?,
                None => self.expr(*value)?,
            };
            self.emit_store(&place, node);
            return Ok(());
        }
        let places = self.saved_places(&left)?;
        let targets: Vec<Ty> = if places.iter().all(|(place, _)| place.ty.is_some()) {
            places
                .iter()
                .filter_map(|(place, _)| place.ty.clone())
                .collect()
        } else {
            Vec::new()
        };
        let types = self.push_values(&right, left.len(), node, &targets, "assignment")?;
        // The values of one call or comma-ok expression come as they are: those going into
        // an interface-typed place are boxed on the way (`r, _ = f()` with an `any` r).
        // (With the places' types known, `push_values` converted them.)
        let tuple = (right.len() != left.len() && targets.is_empty()).then_some(types.as_slice());
        self.store_saved(&places, &left, tuple)?;
        Ok(())
    }

    /// `x++` / `x--`.
    pub fn inc_dec(&mut self, node: Node<'t>, op: crate::program::BinOp) -> Result<()> {
        let target = named_children(node)
            .first()
            .copied()
            .ok_or_else(|| self.src.error(node, "malformed statement"))?;
        let place = self.place(target)?;
        if let Some(ty) = place.ty.clone() {
            self.check_inc_dec_operand(node, &ty)?;
        }
        self.emit_place_read(&place, node);
        let one = match place.ty.as_ref().map(|ty| self.types.underlying(ty)) {
            Some(Ty::Float(kind)) => Instr::PushFloat(kind, 1f64.to_bits()),
            _ => Instr::PushInt(1),
        };
        self.emit(one, node);
        self.emit(Instr::Binary(op), node);
        if let Some(ty) = place.ty.clone() {
            self.emit_wrap(&ty, node);
        }
        self.emit_store(&place, node);
        Ok(())
    }

    /// Stores the value on top of the stack into an existing local variable.
    pub fn store_var_from_stack(&mut self, id: usize, node: Node) {
        match self.without_use(|lowerer| lowerer.var_access(id)) {
            Access::Local(slot) => self.emit(Instr::StoreLocal(slot), node),
            access => {
                let value = self.temp();
                self.emit(Instr::StoreLocal(value), node);
                self.emit_cell_pointer(access, node);
                self.emit(Instr::LoadLocal(value), node);
                self.emit(Instr::Store, node);
            }
        }
    }

    /// Assigns the values on the stack (one per target, the last on top) to the targets of a
    /// `:=` (declaring the new ones) or of `=` (assigning places). Used by `range` and `select`.
    pub fn bind_from_stack(
        &mut self,
        targets: &[Node<'t>],
        types: &[Ty],
        declare: bool,
        node: Node<'t>,
    ) -> Result<()> {
        if declare {
            let mut vars = Vec::new();
            let values = node
                .child_by_field_name("right")
                .map(named_children)
                .unwrap_or_default();
            for (index, (target, ty)) in targets.iter().zip(types).enumerate() {
                if target.kind() != "identifier" {
                    return Err(self.src.error(*target, "non-name on left side of :="));
                }
                let existing = self.declared_in_innermost(self.src.text_of(*target));
                match existing {
                    Some(id) => vars.push(Err(id)),
                    None => {
                        if *ty == Ty::UntypedNil {
                            // go build reports it at the `nil`.
                            let at = values.get(index).copied().unwrap_or(*target);
                            return Err(self.src.error(at, "use of untyped nil in assignment"));
                        }
                        vars.push(Ok(self.declare_var(*target, ty.clone())?))
                    }
                }
            }
            for ((var, target), from) in vars.into_iter().zip(targets).zip(types).rev() {
                match var {
                    Ok(new) => self.init_var(new, *target),
                    Err(existing) => {
                        // `r, err := f()` with r an `any` declared before: boxed on the way.
                        let to = self.vars[existing].ty.clone();
                        if self.types.is_interface(&to) {
                            self.coerce(from, &to, *target, "assignment")?;
                        }
                        self.store_var_from_stack(existing, *target)
                    }
                }
            }
            return Ok(());
        }
        // Go's assignment: the places' operands are evaluated first (`for i, x[i] = range y`
        // indexes x with the old i), then the values stored left to right; a value going
        // into an interface-typed place is boxed (`case i = <-c:` with an `any` i).
        let places = self.saved_places(targets)?;
        self.store_saved(&places, targets, Some(types))?;
        Ok(())
    }
}
