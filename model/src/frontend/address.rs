//! `&x`: the address of an addressable operand (a variable, which then lives in a cell, a
//! field or element reached from one, `*p`, or a composite literal).

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::package::PkgEntity;
use super::resolve::Name;
use super::syntax::{unparen, Result};
use super::types::Ty;
use super::typing::{Selection, Step};
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// Pushes a pointer to an addressable operand: a variable (which then lives in a cell),
    /// `*p`, or a composite literal (`&T{...}`).
    pub fn address_of(&mut self, operand: Node<'t>) -> Result<()> {
        let operand = unparen(operand);
        match operand.kind() {
            "identifier" => {
                let text = self.src.text_of(operand);
                let (access, var) = match self.lookup(text) {
                    Name::Local(Entity::Var(id)) => (self.var_access(id), Some(id)),
                    Name::Pkg(PkgEntity::Global(index)) => (self.global_access(index), None),
                    _ => return Err(self.not_addressable(operand)),
                };
                self.want_boxed(access, var);
                self.emit_cell_pointer(access, operand);
                Ok(())
            }
            "composite_literal" => {
                self.expr(operand)?;
                self.emit(Instr::NewCell, operand);
                Ok(())
            }
            "unary_expression"
                if operand
                    .child_by_field_name("operator")
                    .is_some_and(|o| self.src.text_of(o) == "*") =>
            {
                let pointer = self.required(operand, "operand")?;
                self.expr(pointer)?;
                Ok(())
            }
            "selector_expression" => {
                let inner = self.required(operand, "operand")?;
                let name = self.src.text_of(self.required(operand, "field")?);
                if self.package_of(inner).is_some() {
                    return Err(self.not_addressable(operand));
                }
                let inner_ty = self.type_of(inner)?;
                let Some(Selection::Field { steps, .. }) =
                    self.lookup_selector(&inner_ty, name, operand)?
                else {
                    return Err(self.no_field(operand, &inner_ty, name));
                };
                self.address_of_steps(inner, &steps, operand)
            }
            "index_expression" => {
                let inner = self.required(operand, "operand")?;
                let index = self.required(operand, "index")?;
                let inner_ty = self.type_of(inner)?;
                self.check_index(&inner_ty, index)?;
                match self.types.underlying(&inner_ty) {
                    Ty::Slice(_) => {
                        self.expr(inner)?;
                    }
                    Ty::Array(..) => self.address_of(inner)?,
                    Ty::Pointer(target)
                        if matches!(self.types.underlying(&target), Ty::Array(..)) =>
                    {
                        self.expr(inner)?;
                    }
                    _ => return Err(self.not_addressable(operand)),
                }
                self.expr(index)?;
                self.emit(Instr::IndexAddr, operand);
                Ok(())
            }
            _ => Err(self.not_addressable(operand)),
        }
    }

    /// types2's error for `&x` of an operand that is not addressable: "invalid operation:
    /// cannot take address of m["a"] (map index expression of type int)".
    fn not_addressable(&mut self, operand: Node<'t>) -> super::ModelError {
        let description = match self.type_of(operand) {
            Ok(ty) => format!(" ({})", self.operand_description(operand, &ty)),
            Err(_) => String::new(),
        };
        self.src.error(
            operand,
            format!(
                "invalid operation: cannot take address of {}{description}",
                self.go_text(operand)
            ),
        )
    }

    /// Pushes a pointer to the part of `base` reached by `steps` (field selections, through
    /// pointers where a step loads): the address of the base when no step loads, else the
    /// pointer the last load would read through.
    pub fn address_of_steps(&mut self, base: Node<'t>, steps: &[Step], node: Node) -> Result<()> {
        let fields_from = match steps.iter().rposition(|s| *s == Step::Load) {
            Some(last_load) => {
                self.expr(base)?;
                self.apply_steps(&steps[..last_load], node);
                last_load + 1
            }
            None => {
                self.address_of(base)?;
                0
            }
        };
        for step in &steps[fields_from..] {
            match step {
                Step::Field(field) => self.emit(Instr::FieldAddr(*field), node),
                Step::Load => {}
                Step::CondLocker => {
                    return Err(self.src.unsupported(node, "address of sync.Cond's L"))
                }
            }
        }
        Ok(())
    }
}
