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
}
