//! The operands of fmt's `%#v` (Go 1.23's fmt/print.go: `handleMethods` and `printValue`
//! under `sharpV`): every operand goes in as an interface value, whose dynamic type carries
//! the names and structure `%#v` prints (`program/gosyntax.rs`); a value whose type has a
//! `GoString() string` method goes in as what the method returns, printed as it is. `Error`
//! and `String` are not called under `%#v`.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{Ty, ANY};
use super::typing::Selection;
use crate::program::{DynType, DynTypeId, FieldNames, GoSyntax, Instr, SyntaxKind};

/// How deep `%#v`'s description of a type goes (a type that contains itself, `Children
/// []Node`, is described this far; deeper values print as `%v` prints them).
const DEPTH: u32 = 6;

impl<'t> Lowerer<'t> {
    /// Pushes one operand of `%#v`, of type `ty`, already on the stack, as an interface
    /// value: through its `GoString` method if it has one.
    pub(super) fn emit_sharp_operand(&mut self, ty: &Ty, node: Node<'t>) -> Result<()> {
        if self.types.is_interface(ty) {
            // Boxed already; a GoStringer inside is called at run time only by Go: refused.
            return Ok(());
        }
        if self.has_go_string(ty, node)? {
            let go_string = self.string("GoString");
            let id = self.dyn_type_id(ty, node);
            self.emit(Instr::Box(id), node);
            self.emit(
                Instr::CallMethod {
                    method: go_string,
                    args: 0,
                },
                node,
            );
            let verbatim = self.verbatim_type();
            self.emit(Instr::Box(verbatim), node);
            return Ok(());
        }
        self.coerce(ty, &ANY, node, "argument")
    }

    /// Whether the method set of `ty` has `GoString` (fmt's GoStringer).
    fn has_go_string(&mut self, ty: &Ty, node: Node<'t>) -> Result<bool> {
        let named = match ty {
            Ty::Named(_) => true,
            Ty::Pointer(inner) => matches!(**inner, Ty::Named(_)),
            _ => false,
        };
        if !named {
            return Ok(false);
        }
        Ok(match self.lookup_selector(ty, "GoString", node)? {
            // A pointer method is not in the method set of the value type.
            Some(Selection::Method { method, at, .. }) => {
                !method.pointer || matches!(at, Ty::Pointer(_))
            }
            Some(Selection::Promoted { .. }) => true,
            _ => false,
        })
    }

    /// The dynamic type of what a `GoString` method returned: a string `%#v` prints as it is.
    fn verbatim_type(&mut self) -> DynTypeId {
        if let Some(id) = self.dynamic.verbatim {
            return id;
        }
        let id = DynTypeId(self.dynamic.dyn_types.len() as u32);
        self.dynamic.dyn_types.push(DynType {
            name: "string".to_string(),
            methods: Vec::new(),
            comparable: true,
            fields: FieldNames::None,
            syntax: GoSyntax {
                name: "string".to_string(),
                kind: SyntaxKind::Verbatim,
            },
        });
        self.dynamic.verbatim = Some(id);
        id
    }

    /// What `%#v` prints of a value of type `ty` besides the values inside it: names and
    /// structure (`program/gosyntax.rs`), `depth` levels inside another type.
    pub fn go_syntax(&self, ty: &Ty, depth: u32) -> GoSyntax {
        let name = self.go_type_name(ty);
        if depth > DEPTH {
            return GoSyntax {
                name,
                kind: SyntaxKind::Other,
            };
        }
        let inner = |ty: &Ty| Box::new(self.go_syntax(ty, depth + 1));
        let kind = match self.types.underlying(ty) {
            Ty::Int(kind) if kind.unsigned() => SyntaxKind::Unsigned,
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::String => SyntaxKind::Basic,
            Ty::Struct(index) => SyntaxKind::Struct(
                self.types.structs[index as usize]
                    .fields
                    .iter()
                    .map(|field| (field.name.clone(), self.go_syntax(&field.ty, depth + 1)))
                    .collect(),
            ),
            Ty::Pointer(to) => SyntaxKind::Pointer(inner(&to)),
            Ty::Slice(element) => SyntaxKind::Slice(inner(&element)),
            Ty::Array(_, element) => SyntaxKind::Array(inner(&element)),
            Ty::Map(key, value) => SyntaxKind::Map(inner(&key), inner(&value)),
            Ty::Interface(_) => SyntaxKind::Interface,
            _ => SyntaxKind::Other,
        };
        GoSyntax { name, kind }
    }
}
