//! The operands of fmt's printing functions (fmt/print.go): a value whose type has an
//! `Error() string` or `String() string` method prints as what the method returns, and an
//! operand of `%T` goes in as an interface value, so that its dynamic type can be named.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{unparen, Result};
use super::types::{Ty, ANY};
use super::typing::Selection;
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// Pushes the operands of a `fmt` printing function: as `push_plain_args`, but a value
    /// whose type has an `Error() string` or `String() string` method is printed as what that
    /// method returns, as fmt does (`Instr::Stringer`).
    pub fn push_fmt_args(&mut self, arguments: &[Node<'t>]) -> Result<u32> {
        self.push_fmt_args_typed(arguments, &[])
    }

    /// [`Lowerer::push_fmt_args`], with the arguments at `typed` (indices into `arguments`)
    /// printed by `%T`: each goes in as an interface value, which carries its dynamic type.
    pub fn push_fmt_args_typed(&mut self, arguments: &[Node<'t>], typed: &[usize]) -> Result<u32> {
        if let [single] = arguments {
            let inner = unparen(*single);
            if inner.kind() == "call_expression" && self.call_result_types(inner)?.len() != 1 {
                return self.push_plain_args(arguments);
            }
        }
        for (index, &argument) in arguments.iter().enumerate() {
            if argument.kind() == "variadic_argument" {
                return Err(self
                    .src
                    .unsupported(argument, "... argument to this function"));
            }
            let ty = self.expr(argument)?;
            if typed.contains(&index) {
                if !self.types.is_interface(&ty) {
                    self.coerce(&ty, &ANY, argument, "argument")?;
                }
            } else if self.types.is_interface(&ty) {
                self.emit(Instr::Stringer, argument);
            } else if self.has_text_method(&ty, argument)? {
                self.coerce(&ty, &ANY, argument, "argument")?;
                self.emit(Instr::Stringer, argument);
            }
        }
        Ok(arguments.len() as u32)
    }

    /// The arguments (the format being argument 0) that a constant format prints with `%T`.
    pub fn type_verb_arguments(&mut self, format: Node<'t>) -> Result<Vec<usize>> {
        Ok((self.type_verb_operands(format)?)
            .into_iter()
            .map(|operand| operand + 1)
            .collect())
    }

    /// The operands (counted from 0 after the format) that a constant format prints with `%T`;
    /// none for a format built at run time. An explicit argument index (`%[2]T`) is refused.
    pub fn type_verb_operands(&mut self, format: Node<'t>) -> Result<Vec<usize>> {
        let Some((super::constant::ConstValue::Str(text), _)) = self.const_value(format)? else {
            return Ok(Vec::new());
        };
        let mut operands = Vec::new();
        let mut next = 0;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                continue;
            }
            while chars.peek().is_some_and(|c| "+-# 0123456789.".contains(*c)) {
                chars.next();
            }
            match chars.next() {
                Some('%') | None => {}
                Some('[') if text.contains('T') => {
                    return Err(self.src.unsupported(
                        format,
                        "an explicit argument index with %T (give the operands in order)",
                    ))
                }
                Some(verb) => {
                    if verb == 'T' {
                        operands.push(next);
                    }
                    next += 1;
                }
            }
        }
        Ok(operands)
    }

    /// Refuses a constant format with the `%T` verb where its operands are not boxed
    /// (`fmt.Errorf`, which keeps each operand twice: as printed, and as `%w` wraps it).
    pub fn reject_type_verb(&mut self, format: Node<'t>) -> Result<()> {
        if let Some((super::constant::ConstValue::Str(text), _)) = self.const_value(format)? {
            if text.replace("%%", "").contains("%T") {
                return Err(self.src.unsupported(
                    format,
                    "the %T verb in fmt.Errorf (make the text with fmt.Sprintf first)",
                ));
            }
        }
        Ok(())
    }

    /// Whether a concrete type's method set has `Error` or `String` (so fmt calls it).
    fn has_text_method(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        let named = match ty {
            Ty::Named(_) => true,
            Ty::Pointer(inner) => matches!(**inner, Ty::Named(_)),
            _ => false,
        };
        if !named {
            return Ok(false);
        }
        for name in ["Error", "String"] {
            match self.lookup_selector(ty, name, node)? {
                // A pointer method is not in the method set of the value type.
                Some(Selection::Method { method, at, .. })
                    if !method.pointer || matches!(at, Ty::Pointer(_)) =>
                {
                    return Ok(true)
                }
                Some(Selection::Promoted { .. }) => return Ok(true),
                _ => {}
            }
        }
        Ok(false)
    }
}
