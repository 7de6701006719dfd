//! `fmt.Fprint`, `Fprintf` and `Fprintln` (fmt/print.go): the text `Sprint`, `Sprintf` or
//! `Sprintln` would make, written with one call of the writer's `Write` method, whose results
//! the call returns; to `os.Stdout` or `os.Stderr` it is printed as `Print` prints.

use tree_sitter::Node;

use super::call::Special;
use super::lowerer::Lowerer;
use super::package::Std;
use super::syntax::{unparen, Result};
use super::types::Ty;
use crate::program::Instr;

/// Which of fmt's three ways of making text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FmtStyle {
    /// `Print`/`Sprint`: spaces between operands when neither is a string.
    Plain,
    /// `Println`/`Sprintln`: spaces between all operands, then a newline.
    Line,
    /// `Printf`/`Sprintf`: a format and its operands.
    Format,
}

impl FmtStyle {
    /// The instruction that makes the text from `operands` values on the stack (the format
    /// first for `Format`).
    pub fn sprint(self, operands: u32) -> Instr {
        match self {
            FmtStyle::Plain => Instr::Sprint {
                args: operands,
                newline: false,
            },
            FmtStyle::Line => Instr::Sprint {
                args: operands,
                newline: true,
            },
            FmtStyle::Format => Instr::Sprintf {
                args: operands.saturating_sub(1),
            },
        }
    }
}

impl<'t> Lowerer<'t> {
    /// Lowers `fmt.Fprint*(w, ...)`, with `results` (n int, err error).
    pub fn fprint(
        &mut self,
        call: Node<'t>,
        name: &str,
        style: FmtStyle,
        arguments: &[Node<'t>],
        results: Vec<Ty>,
    ) -> Result<Special> {
        let Some((&writer, operands)) = arguments.split_first() else {
            return Err(self
                .src
                .error(call, format!("not enough arguments in call to fmt.{name}")));
        };
        if style == FmtStyle::Format && operands.is_empty() {
            return Err(self
                .src
                .error(call, format!("not enough arguments in call to fmt.{name}")));
        }
        let typed = match style {
            FmtStyle::Format => self.format_verbs(operands[0])?,
            _ => Vec::new(),
        };
        let standard_stream = self.is_standard_stream(writer);
        if !standard_stream {
            self.writer(writer, name)?;
        }
        let n = self.push_fmt_args_typed(operands, &typed)?;
        let mut tail = vec![style.sprint(n)];
        if standard_stream {
            // Printed as one piece of output; n is its length, err is nil.
            tail.extend([
                Instr::Dup,
                Instr::Print {
                    args: 1,
                    newline: false,
                },
                Instr::Len,
                Instr::PushNil,
            ]);
            return Ok(Special::new(n, tail, results));
        }
        let write = self.string("Write");
        tail.extend([
            Instr::StringBytes,
            Instr::CallMethod {
                method: write,
                args: 1,
            },
        ]);
        Ok(Special::new(n + 1, tail, results))
    }

    /// `os.Stdout` or `os.Stderr`.
    fn is_standard_stream(&self, node: Node<'t>) -> bool {
        let node = unparen(node);
        node.kind() == "selector_expression"
            && node
                .child_by_field_name("operand")
                .is_some_and(|operand| self.package_of(operand) == Some(Std::Os))
            && node
                .child_by_field_name("field")
                .is_some_and(|field| matches!(self.src.text_of(field), "Stdout" | "Stderr"))
    }

    /// Pushes the writer as an interface value with a `Write` method (boxing a concrete one).
    fn writer(&mut self, writer: Node<'t>, name: &str) -> Result<()> {
        let ty = self.expr(writer)?;
        let has_write = match self.types.as_interface(&ty) {
            Some(iface) => iface.methods.iter().any(|(method, _)| method == "Write"),
            None => {
                let id = self.dyn_type_id(&ty, writer);
                let found = self.dynamic.dyn_types[id.0 as usize]
                    .methods
                    .iter()
                    .any(|method| method.name == "Write");
                if found {
                    self.emit(Instr::Box(id), writer);
                }
                found
            }
        };
        if has_write {
            return Ok(());
        }
        // go build (1.19)'s words; a constant is converted to its default type first.
        let described = match self.const_value(writer)? {
            Some(_) => format!("constant of type {}", self.types.describe(&ty)),
            None => self.operand_description(writer, &ty),
        };
        Err(self.src.error(
            writer,
            format!(
                "cannot use {} ({described}) as type io.Writer in argument to fmt.{name}:\n\t{} \
                 does not implement io.Writer (missing Write method)",
                self.src.text_of(writer),
                self.types.describe(&ty),
            ),
        ))
    }
}
