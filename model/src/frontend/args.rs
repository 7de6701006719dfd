//! The arguments of a call: checked against the signature and converted to the parameters'
//! types (boxed into interfaces), variadic arguments gathered into a slice, `f(g())` spread,
//! and the argument counts of library calls.

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::{named_children, unparen, Result};
use super::types::{Sig, Ty, ANY, FLOAT64, INT};
use super::ModelError;
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
                let what = format!("arguments in call to {}", self.callee_text(call)?);
                return Err(self.count_mismatch(call, &arguments, &sig.params, true, &what));
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
            let what = format!("arguments in call to {}", self.callee_text(call)?);
            return Err(self.count_mismatch(call, &arguments, &sig.params, sig.variadic, &what));
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
            self.argument_place(argument)?;
            let ty = self.expr(argument)?;
            self.box_unsigned_word(&ty, argument)?;
        }
        Ok(arguments.len() as u32)
    }

    /// A printed `uint64` (`uint`, `uintptr`) goes in boxed: its dynamic type tells the printer
    /// to read the word as unsigned (`FieldNames::Unsigned`).
    fn box_unsigned_word(&mut self, ty: &Ty, argument: Node<'t>) -> Result<()> {
        if matches!(self.types.underlying(ty), Ty::Int(kind) if kind.unsigned_word()) {
            self.coerce(ty, &super::types::ANY, argument, "argument")?;
        }
        Ok(())
    }

    /// Names the call an argument of `...any` (fmt's, `println`'s) goes to, for go build's
    /// message on an untyped constant too large for its default type ("cannot use 1 << 70
    /// (untyped int constant ...) as int value in argument to fmt.Println (overflows)").
    pub(super) fn argument_place(&mut self, argument: Node<'t>) -> Result<()> {
        let call = argument.parent().and_then(|list| list.parent());
        if let Some(call) = call.filter(|call| call.kind() == "call_expression") {
            let context = format!("argument to {}", self.callee_text(call)?);
            self.const_place = Some((None, context));
        }
        Ok(())
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
            self.argument_place(argument)?;
            let ty = self.expr(argument)?;
            self.box_unsigned_word(&ty, argument)?;
            if let Ty::Float(_) = self.types.underlying(&ty) {
                self.emit(Instr::PrintFloatText, argument);
            }
        }
        Ok(arguments.len() as u32)
    }

    pub fn expect_args(&self, call: Node<'t>, arguments: &[Node<'t>], count: usize) -> Result<()> {
        if arguments.len() == count {
            Ok(())
        } else if self.calls_builtin(call) {
            Err(self.builtin_count_error(call, arguments.len(), count))
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

    /// types2 builtins.go's error for a builtin called with `found` arguments where it takes
    /// `expected`: "not enough arguments for close() (expected 1, found 0)".
    pub fn builtin_count_error(
        &self,
        call: Node<'t>,
        found: usize,
        expected: usize,
    ) -> super::ModelError {
        let which = if found < expected {
            "not enough"
        } else {
            "too many"
        };
        self.src.error(
            call,
            format!(
                "invalid operation: {which} arguments for {} (expected {expected}, found {found})",
                self.src.text_of(call)
            ),
        )
    }

    /// Whether `call` calls a builtin function (not one a model declares under its name).
    fn calls_builtin(&self, call: Node<'t>) -> bool {
        call.child_by_field_name("function")
            .map(super::syntax::unparen)
            .filter(|function| function.kind() == "identifier")
            .is_some_and(|function| {
                matches!(
                    self.lookup(self.src.text_of(function)),
                    super::resolve::Name::Builtin
                )
            })
    }

    /// Go's error for a count of values that does not match (types2's `arguments` and
    /// `initVars`, Go 1.19): "too many arguments in call to f" at the first extra value, "not
    /// enough return values" at the last value given (at `whole` when none is), each with
    /// the types it has and wants. `what` is "return values" or "arguments in call to f".
    pub fn count_mismatch(
        &mut self,
        whole: Node<'t>,
        values: &[Node<'t>],
        wanted: &[Ty],
        variadic: bool,
        what: &str,
    ) -> ModelError {
        let (qualifier, at) = if values.len() > wanted.len() {
            ("too many", values[wanted.len()])
        } else {
            ("not enough", values.last().copied().unwrap_or(whole))
        };
        let have: Vec<String> = values.iter().map(|&value| self.summary_of(value)).collect();
        let last = wanted.len().saturating_sub(1);
        let want: Vec<String> = wanted
            .iter()
            .enumerate()
            .map(|(i, ty)| match ty {
                Ty::Slice(element) if variadic && i == last => {
                    format!("...{}", self.types.describe(element))
                }
                other => self.types.describe(other),
            })
            .collect();
        self.src.error(
            at,
            format!(
                "{qualifier} {what}\n\thave ({})\n\twant ({})",
                have.join(", "),
                want.join(", ")
            ),
        )
    }

    /// A value's type as types2's `typesSummary` writes it: an untyped numeric constant is
    /// `number`, another untyped constant its kind, `nil` is `nil`.
    fn summary_of(&mut self, value: Node<'t>) -> String {
        // A spread argument (`xs...`) is summarized as its slice.
        let value = match value.kind() {
            "variadic_argument" => named_children(value).first().copied().unwrap_or(value),
            _ => value,
        };
        let Ok(ty) = self.type_of(value) else {
            return "<T>".into();
        };
        if ty == Ty::UntypedNil {
            return "nil".into();
        }
        let untyped = matches!(ty, Ty::String | Ty::Bool) || ty == INT || ty == FLOAT64;
        if untyped {
            if let Ok(Some((constant, _))) = self.const_value(value) {
                return match constant {
                    ConstValue::Int(_) | ConstValue::Float(_) => "number".into(),
                    ConstValue::Str(_) => "string".into(),
                    ConstValue::Bool(_) => "bool".into(),
                };
            }
        }
        self.types.describe(&ty)
    }
}
