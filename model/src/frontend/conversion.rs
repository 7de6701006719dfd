//! Conversions `T(x)` (Go spec, "Conversions"): between integer kinds (wrapping), strings,
//! byte and rune slices, named types and their underlying types, and into interfaces.

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::Ty;
use tree_sitter::Node;

impl<'t> Lowerer<'t> {
    /// `T(x)`: the machine is dynamically typed, so a conversion between types of the same
    /// shape is a no-op; other conversions are outside the subset.
    pub fn conversion(&mut self, node: Node<'t>, target: &Ty, argument: Node<'t>) -> Result<()> {
        if self.types.is_interface(target) {
            return self.interface_conversion(node, target, argument);
        }
        if let Some((value, _)) = self.const_value(node)? {
            self.emit_const(&value, node);
            return Ok(());
        }
        let to = self.types.underlying(target);
        if let (Some((value @ ConstValue::Int(_), source)), Ty::Int(kind)) =
            (self.const_value(argument)?, &to)
        {
            if !value
                .integral()
                .is_some_and(|v| super::constant::fits(*kind, &v))
            {
                return Err(self.cannot_convert(argument, &value, &source, target));
            }
        }
        let source = self.expr(argument)?;
        let from = self.types.underlying(&source);
        if let (Ty::Int(_), Ty::Int(_)) = (&to, &from) {
            self.emit_wrap(&to, node);
            return Ok(());
        }
        if self.numeric_conversion(&to, &from, node) {
            return Ok(());
        }
        if let Some(instr) = self.string_conversion(&to, &from) {
            self.emit(instr, node);
            return Ok(());
        }
        let same_shape = match (&to, &from) {
            (Ty::Interface(_), _) => true,
            (_, Ty::UntypedNil) => matches!(
                to,
                Ty::Pointer(_) | Ty::Slice(_) | Ty::Map(..) | Ty::Chan(..) | Ty::Func(_)
            ),
            (Ty::Pointer(_), Ty::Pointer(_))
            | (Ty::Slice(_), Ty::Slice(_))
            | (Ty::Map(..), Ty::Map(..))
            | (Ty::Chan(..), Ty::Chan(..))
            | (Ty::Func(_), Ty::Func(_)) => true,
            (a, b) => a == b,
        };
        if same_shape {
            Ok(())
        } else {
            Err(self.src.unsupported(
                node,
                format!(
                    "conversion from {} to {}",
                    self.types.describe(&source),
                    self.types.describe(target)
                ),
            ))
        }
    }

    /// `I(x)` into an interface type: x boxed with its dynamic type (a constant with its
    /// default type), as an assignment to an `I` would box it, so that `any(5) == a` and `%T`
    /// see an int; a type without I's methods is go build's "cannot convert" error.
    fn interface_conversion(
        &mut self,
        node: Node<'t>,
        target: &Ty,
        argument: Node<'t>,
    ) -> Result<()> {
        let source = self.expr(argument)?;
        if self.types.is_interface(&source) || matches!(source, Ty::UntypedNil) {
            return Ok(());
        }
        if let Some(missing) = self.missing_method(&source, target, argument) {
            let description = match self.const_value(argument)? {
                Some(_) => format!("constant of type {}", self.types.describe(&source)),
                None => self.operand_description(argument, &source),
            };
            return Err(self.src.error(
                argument,
                format!(
                    "cannot convert {} ({description}) to type {}:\n\t{}",
                    self.go_text(argument),
                    self.types.describe(target),
                    self.not_implemented(&source, target, &missing, argument),
                ),
            ));
        }
        let id = self.dyn_type_id(&source, argument);
        self.emit(crate::program::Instr::Box(id), node);
        Ok(())
    }
}
