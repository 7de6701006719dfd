//! The operands of fmt's `%#v` (Go 1.23's fmt/print.go: `handleMethods` and `printValue`
//! under `sharpV`): every operand goes in as an interface value, whose dynamic type carries
//! the names and structure `%#v` prints (`program/gosyntax.rs`); a value whose type has a
//! `GoString() string` method, or an interface value whose dynamic type has one, goes in as
//! what the method returns, printed as it is (`stdlib/fmt.go`'s goStringOperand and its type
//! goSyntax). `Error` and `String` are not called under `%#v`.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::package::{PkgEntity, Std};
use super::syntax::Result;
use super::types::{Ty, ANY};
use crate::program::{GoSyntax, Instr, SyntaxKind};

/// How much of a type `%#v`'s description holds: at most this many levels (a type that
/// contains itself, `Children []Node`, is described this far) and this many types in all (a
/// struct with many fields that contain it); deeper values print without their names.
const DEPTH: u32 = 6;
const NODES: u32 = 256;

impl<'t> Lowerer<'t> {
    /// With one operand of `%#v`, of type `ty`, on the stack, makes it an interface value:
    /// through its `GoString` method if its type has one, or if it is an interface value
    /// (whose dynamic type may), by `stdlib/fmt.go`'s goStringOperand.
    pub(super) fn emit_sharp_operand(&mut self, ty: &Ty, node: Node<'t>) -> Result<()> {
        let interface = self.types.is_interface(ty);
        let go_string = interface || self.has_go_string(ty, node)?;
        self.coerce(ty, &ANY, node, "argument")?;
        if go_string {
            self.emit_go_string(node);
        }
        Ok(())
    }

    /// With an interface value on the stack, calls `stdlib/fmt.go`'s goStringOperand on it.
    pub(super) fn emit_go_string(&mut self, node: Node<'t>) {
        let Some(PkgEntity::Func(helper)) = self
            .pkg
            .lib_names
            .get(&(Std::Fmt, "goStringOperand".to_string()))
            .cloned()
        else {
            unreachable!(
                "internal error: stdlib/fmt.go (loaded with fmt and log) defines goStringOperand"
            )
        };
        let func = self.pkg.funcs[helper].id;
        self.emit(Instr::Call { func, args: 1 }, node);
    }

    /// Which operands (after the format) a constant format prints with `%#v`; empty for a
    /// format built at run time or one without `#`.
    pub(super) fn sharp_operands(&mut self, format: Node<'t>) -> Result<Vec<bool>> {
        let sharp = matches!(
            self.const_value(format)?,
            Some((super::constant::ConstValue::Str(text), _)) if text.contains('#')
        );
        if !sharp {
            return Ok(Vec::new());
        }
        let verbs = self.format_verbs(format)?;
        Ok(verbs
            .iter()
            .skip(1)
            .map(|verb| *verb == Some('#'))
            .collect())
    }

    /// Whether the method set of `ty` has `GoString` (fmt's GoStringer).
    fn has_go_string(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        self.has_any_method(ty, &["GoString"], node)
    }

    /// What `%#v` prints of a value of type `ty` besides the values inside it: names and
    /// structure (`program/gosyntax.rs`), computed for every dynamic type.
    pub fn go_syntax(&self, ty: &Ty) -> GoSyntax {
        let mut budget = NODES;
        self.go_syntax_within(ty, 0, &mut budget)
    }

    /// [`Lowerer::go_syntax`], `depth` levels inside another type, with `budget` more types
    /// to describe.
    fn go_syntax_within(&self, ty: &Ty, depth: u32, budget: &mut u32) -> GoSyntax {
        let name = self.go_type_name(ty);
        if depth > DEPTH || *budget == 0 {
            return GoSyntax {
                name,
                kind: SyntaxKind::Other,
            };
        }
        *budget -= 1;
        if let Ty::Named(index) = ty {
            let named = &self.types.named[*index as usize];
            if named.package == Some(Std::Fmt) && named.name == "goSyntax" {
                return GoSyntax {
                    name,
                    kind: SyntaxKind::Verbatim,
                };
            }
        }
        let mut inner = |ty: &Ty| Box::new(self.go_syntax_within(ty, depth + 1, budget));
        let kind = match self.types.underlying(ty) {
            Ty::Int(kind) if kind.unsigned() => SyntaxKind::Unsigned,
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::String => SyntaxKind::Basic,
            Ty::Struct(index) => SyntaxKind::Struct(
                self.types.structs[index as usize]
                    .fields
                    .iter()
                    .map(|field| (field.name.clone(), *inner(&field.ty)))
                    .collect(),
            ),
            Ty::Pointer(to) => SyntaxKind::Pointer(inner(&to)),
            Ty::Slice(element) => SyntaxKind::Slice(inner(&element)),
            Ty::Array(_, element) => SyntaxKind::Array(inner(&element)),
            Ty::Map(key, value) => {
                let key = inner(&key);
                SyntaxKind::Map(key, inner(&value))
            }
            Ty::Interface(_) => SyntaxKind::Interface,
            _ => SyntaxKind::Other,
        };
        GoSyntax { name, kind }
    }
}
