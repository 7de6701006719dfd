//! Calls of an element of a slice, array or map of functions that the grammar reads as
//! conversions: `fns[i](x)` and `d.handlers[kind](ev)` parse, as `F[int](x)` does, as a
//! conversion of `x` to a generic type `fns[i]` (tree-sitter cannot tell a variable from a
//! type). Go's parser leaves the choice to the type checker too (types2 call.go: an index
//! expression whose operand is a value is an index). Here the front end decides by the name
//! the "type" starts with: a variable (or a variable's field, `d.handlers`), and the node is a
//! call of the element; the operand and the index, parsed as types (`type_identifier`,
//! `qualified_type`), are lowered and typed as the identifiers and selectors they are
//! (`expr.rs`, `typing.rs`).

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::package::PkgEntity;
use super::resolve::Name;
use super::syntax::{named_children, Result};
use super::types::Ty;

impl<'t> Lowerer<'t> {
    /// Whether `node` is a call the grammar reads as a conversion: of a generic function's
    /// instance (`F[int](x)`, `generics.rs`) or of an element (`fns[i](x)`).
    pub fn is_call_read_as_conversion(&self, node: Node<'t>) -> bool {
        node.kind() == "type_conversion_expression"
            && (self.explicit_instantiation(node).is_some() || self.element_call(node).is_some())
    }

    /// For `fns[i](x)` read as a conversion: its "type", the element `fns[i]` (a
    /// `generic_type` node that `expr` and `type_of` take for an index expression).
    pub fn element_call(&self, node: Node<'t>) -> Option<Node<'t>> {
        if node.kind() != "type_conversion_expression" {
            return None;
        }
        let element = node.child_by_field_name("type")?;
        self.element_parts(element)?;
        Some(element)
    }

    /// The operand and the index of `fns[i]` parsed as a generic type: only when the operand
    /// names a variable (`fns`) or selects from one (`d.handlers`), and there is one index.
    pub fn element_parts(&self, element: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
        if element.kind() != "generic_type" {
            return None;
        }
        let operand = element.child_by_field_name("type")?;
        let first = match operand.kind() {
            "type_identifier" => operand,
            "qualified_type" => operand.child_by_field_name("package")?,
            _ => return None,
        };
        let is_value = matches!(
            self.lookup(self.src.text_of(first)),
            Name::Local(Entity::Var(_)) | Name::Pkg(PkgEntity::Global(_))
        );
        let arguments = named_children(element.child_by_field_name("type_arguments")?);
        match arguments[..] {
            [index] if is_value => {
                let index = match index.kind() {
                    "type_elem" => match named_children(index)[..] {
                        [inner] => inner,
                        _ => return None,
                    },
                    _ => index,
                };
                Some((operand, index))
            }
            _ => None,
        }
    }

    /// The operand and index of an element `fns[i]` parsed as a generic type, for lowering:
    /// an index that is not a name (`fns[*p](x)`) is refused with the rewrite.
    pub fn element_operands(&self, element: Node<'t>) -> Result<(Node<'t>, Node<'t>)> {
        let (operand, index) = self
            .element_parts(element)
            .ok_or_else(|| self.src.error(element, "malformed element call"))?;
        match index.kind() {
            "type_identifier" | "qualified_type" => Ok((operand, index)),
            _ => Err(self.src.unsupported(
                element,
                format!(
                    "this index in a call of an element (write `f := {}` and call `f(...)`)",
                    self.src.text_of(element)
                ),
            )),
        }
    }

    /// The type of an element read through `element_parts`.
    pub fn element_type(&mut self, element: Node<'t>) -> Result<Ty> {
        let (operand, _) = self.element_operands(element)?;
        self.index_type(element, operand)
    }

    /// Lowers an element read through `element_parts`.
    pub fn element_value(&mut self, element: Node<'t>) -> Result<Ty> {
        let (operand, index) = self.element_operands(element)?;
        self.index_value(element, operand, index)
    }

    /// `pkg.Name` or `x.f`: the operand and the field of a selector, also of one the grammar
    /// parsed as a qualified type (`d.handlers` in `d.handlers[kind](ev)`).
    pub fn selector_parts(node: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
        match node.kind() {
            "selector_expression" => Some((
                node.child_by_field_name("operand")?,
                node.child_by_field_name("field")?,
            )),
            "qualified_type" => Some((
                node.child_by_field_name("package")?,
                node.child_by_field_name("name")?,
            )),
            _ => None,
        }
    }
}
