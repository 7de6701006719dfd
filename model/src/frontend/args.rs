//! The arguments of a call: checked against the signature and converted to the parameters'
//! types (boxed into interfaces), variadic arguments gathered into a slice, `f(g())` spread,
//! and the argument counts of library calls.

use super::lowerer::Lowerer;
use super::syntax::{named_children, unparen, Result};
use super::types::{Sig, Ty, ANY};
use crate::program::Instr;
use tree_sitter::Node;

impl<'t> Lowerer<'t> {
    /// Pushes the arguments of a call to a function of signature `sig`; returns how many
    /// values were pushed (the parameter count).
    pub fn push_args(&mut self, call: Node<'t>, sig: &Sig) -> Result<u32> {
        let arguments = self.arguments(call)?;
        let context = format!("argument to {}", self.callee_text(call)?);
        let params = sig.params.len();
        if let [single] = arguments.as_slice() {
            if params > 1 && unparen(*single).kind() == "call_expression" {
                let results = self.call(unparen(*single))?;
                if results.len() != params {
                    return Err(self.src.error(call, "wrong number of arguments in call"));
                }
                return Ok(params as u32);
            }
        }
        let spread = arguments
            .last()
            .is_some_and(|a| a.kind() == "variadic_argument");
        if spread && !sig.variadic {
            return Err(self
                .src
                .error(call, "cannot use ... in call to non-variadic function"));
        }
        if sig.variadic && !spread {
            let fixed = params - 1;
            if arguments.len() < fixed {
                return Err(self.src.error(call, "not enough arguments in call"));
            }
            for (&argument, param) in arguments[..fixed].iter().zip(&sig.params) {
                self.expr_to(argument, param, &context)?;
            }
            let extra = &arguments[fixed..];
            let element = match sig.params.last() {
                Some(Ty::Slice(element)) => (**element).clone(),
                _ => ANY,
            };
            if extra.is_empty() {
                self.emit(Instr::PushNil, call);
            } else {
                for &argument in extra {
                    self.expr_to(argument, &element, &context)?;
                }
                self.emit(Instr::SliceLit(extra.len() as u32), call);
            }
            return Ok(params as u32);
        }
        if arguments.len() != params {
            return Err(self.src.error(
                call,
                format!(
                    "wrong number of arguments in call: have {}, want {params}",
                    arguments.len()
                ),
            ));
        }
        for (argument, param) in arguments.into_iter().zip(&sig.params) {
            let argument = if argument.kind() == "variadic_argument" {
                named_children(argument)
                    .first()
                    .copied()
                    .ok_or_else(|| self.src.error(argument, "malformed argument"))?
            } else {
                argument
            };
            self.expr_to(argument, param, &context)?;
        }
        Ok(params as u32)
    }

    /// Pushes plain arguments (no `...`), spreading a single multi-value call; returns how many
    /// values were pushed.
    pub fn push_plain_args(&mut self, arguments: &[Node<'t>]) -> Result<u32> {
        if let [single] = arguments {
            if unparen(*single).kind() == "call_expression" {
                return Ok(self.call(unparen(*single))?.len() as u32);
            }
        }
        for &argument in arguments {
            if argument.kind() == "variadic_argument" {
                return Err(self
                    .src
                    .unsupported(argument, "... argument to this function"));
            }
            self.expr(argument)?;
        }
        Ok(arguments.len() as u32)
    }

    /// The arguments of the builtin `print`/`println`: a float becomes the runtime's text of it
    /// (`runtime/print.go`), which is not fmt's.
    pub fn push_print_args(&mut self, arguments: &[Node<'t>]) -> Result<u32> {
        let mut floats = false;
        for &argument in arguments {
            if argument.kind() != "variadic_argument" {
                let ty = self.type_of(argument)?;
                floats |= matches!(self.types.underlying(&ty), Ty::Float(_));
            }
        }
        if !floats {
            return self.push_plain_args(arguments);
        }
        for &argument in arguments {
            let ty = self.expr(argument)?;
            if let Ty::Float(_) = self.types.underlying(&ty) {
                self.emit(Instr::PrintFloatText, argument);
            }
        }
        Ok(arguments.len() as u32)
    }

    pub fn expect_args(&self, call: Node<'t>, arguments: &[Node<'t>], count: usize) -> Result<()> {
        if arguments.len() == count {
            Ok(())
        } else {
            Err(self.src.error(
                call,
                format!(
                    "wrong number of arguments in call to {}: have {}, want {count}",
                    self.callee_text(call)?,
                    arguments.len()
                ),
            ))
        }
    }
}
