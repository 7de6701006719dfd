//! The values of assignments and declarations: a list of values for as many targets (a call
//! with several results, a comma-ok form: `v, ok := <-ch`, `m[k]`, `x.(T)`), with `go build`'s
//! "assignment mismatch" messages.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{unparen, Result};
use super::types::Ty;
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// Pushes `v, ok` for a comma-ok expression (`<-ch`, `m[k]`); `None` when the expression
    /// is not one.
    pub fn comma_ok(&mut self, node: Node<'t>) -> Result<Option<Vec<Ty>>> {
        let node = unparen(node);
        match node.kind() {
            "unary_expression"
                if node
                    .child_by_field_name("operator")
                    .is_some_and(|o| self.src.text_of(o) == "<-") =>
            {
                let ty = self.type_of(node)?;
                let channel = self.required(node, "operand")?;
                let label = self.label_of(channel);
                self.expr(channel)?;
                self.emit(
                    Instr::Recv {
                        label,
                        with_ok: true,
                    },
                    node,
                );
                Ok(Some(vec![ty, Ty::Bool]))
            }
            "index_expression" => {
                let operand = self.required(node, "operand")?;
                let operand_ty = self.type_of(operand)?;
                if !matches!(self.types.underlying(&operand_ty), Ty::Map(..)) {
                    return Ok(None);
                }
                let ty = self.type_of(node)?;
                let key = self.required(node, "index")?;
                self.check_index(&operand_ty, key)?;
                self.expr_uncopied(operand)?;
                self.map_key(key, &operand_ty)?;
                let zero = self.type_id(&ty);
                self.emit(Instr::MapIndex(zero), node);
                Ok(Some(vec![ty, Ty::Bool]))
            }
            "type_assertion_expression" => {
                let ty = self.type_assertion(node, true)?;
                Ok(Some(vec![ty, Ty::Bool]))
            }
            _ => Ok(None),
        }
    }

    /// Pushes the values of the right side of an assignment or declaration with `count`
    /// targets: one expression per target, one multi-value call, or a comma-ok form. With
    /// `targets` (the places' types, or empty when they take the values' types), each value
    /// is converted for its place (`coerce`); `context` names the statement for messages.
    pub fn push_values(
        &mut self,
        values: &[Node<'t>],
        count: usize,
        at: Node,
        targets: &[Ty],
        context: &str,
    ) -> Result<Vec<Ty>> {
        // types2 reports a count mismatch at the first value.
        let at = values.first().copied().unwrap_or(at);
        if let ([value], 1, "assignment") = (values, count, context) {
            // `x := f()` with f of two results: types2's assignError, at the value.
            let inner = unparen(*value);
            if inner.kind() == "call_expression" {
                let results = self.type_of_multi(inner)?.len();
                if results > 1 {
                    return Err(self.src.error(
                        *value,
                        format!(
                            "assignment mismatch: 1 variable but {} returns {results} values",
                            self.callee_text(inner)?
                        ),
                    ));
                }
            }
        }
        if values.len() == count {
            let mut types = Vec::new();
            for (index, &value) in values.iter().enumerate() {
                let ty = match targets.get(index) {
                    Some(target) => self.expr_to(value, target, context)?,
                    None => {
                        self.const_place = Some((None, context.to_string()));
                        self.expr(value)?
                    }
                };
                types.push(ty);
            }
            return Ok(types);
        }
        if let [value] = values {
            if count == 2 {
                if let Some(types) = self.comma_ok(*value)? {
                    self.convert_tuple(&types, targets, *value, context)?;
                    return Ok(types);
                }
            }
            let inner = unparen(*value);
            if inner.kind() == "call_expression" {
                let types = self.call(inner)?;
                if types.len() == count {
                    self.convert_tuple(&types, targets, *value, context)?;
                    return Ok(types);
                }
                return Err(self.src.error(
                    at,
                    format!(
                        "assignment mismatch: {count} variables but {} returns {}",
                        self.callee_text(inner)?,
                        measure(types.len(), "value")
                    ),
                ));
            }
        }
        Err(self.src.error(
            at,
            format!(
                "assignment mismatch: {} but {}",
                measure(count, "variable"),
                measure(values.len(), "value")
            ),
        ))
    }
}

impl<'t> Lowerer<'t> {
    /// The values of one call or comma-ok expression, on the stack as they came, converted to
    /// the types of their places: those going into an interface-typed place are boxed
    /// (`var v, ok any = m[k]`). Without `targets`, the caller converts them.
    fn convert_tuple(
        &mut self,
        types: &[Ty],
        targets: &[Ty],
        node: Node<'t>,
        context: &str,
    ) -> Result<()> {
        let boxes = |lowerer: &Self, (from, to): (&Ty, &Ty)| {
            lowerer.types.is_interface(to) && !lowerer.types.is_interface(from)
        };
        if targets.len() != types.len() || !types.iter().zip(targets).any(|p| boxes(self, p)) {
            return Ok(());
        }
        let temps: Vec<u32> = types.iter().map(|_| self.temp()).collect();
        for &temp in temps.iter().rev() {
            self.emit(Instr::StoreLocal(temp), node);
        }
        for ((temp, from), to) in temps.into_iter().zip(types).zip(targets) {
            self.emit(Instr::LoadLocal(temp), node);
            self.coerce(from, to, node, context)?;
        }
        Ok(())
    }
}

/// `1 value`, `2 values`: types2's `measure`, for its assignment messages.
fn measure(count: usize, unit: &str) -> String {
    if count == 1 {
        format!("{count} {unit}")
    } else {
        format!("{count} {unit}s")
    }
}
