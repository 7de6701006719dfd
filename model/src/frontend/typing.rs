//! Static types of expressions, computed without emitting code (selectors: `selector.rs`).

use std::rc::Rc;

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::package::PkgEntity;
use super::resolve::Name;
pub(super) use super::selector::{Selection, Step};
use super::syntax::{named_children, unparen, Result};
use super::types::{IntKind, Sig, Ty};

impl<'t> Lowerer<'t> {
    /// The type of a single-valued expression.
    pub fn type_of(&mut self, node: Node<'t>) -> Result<Ty> {
        if let Some((_, ty)) = self.const_value(node)? {
            return Ok(ty);
        }
        match node.kind() {
            "nil" => Ok(Ty::UntypedNil),
            // A name the grammar parsed as a type, in `fns[i](x)` (`indexcall.rs`).
            "identifier" | "type_identifier" | "package_identifier" => {
                let text = self.src.text_of(node);
                match self.lookup(text) {
                    Name::Local(Entity::Var(id)) => Ok(self.vars[id].ty.clone()),
                    Name::Local(Entity::Const(_, ty)) => Ok(ty),
                    Name::Pkg(PkgEntity::Global(index)) => self.global_type(index),
                    Name::Pkg(PkgEntity::Func(index)) => {
                        Ok(Ty::Func(Rc::new(self.pkg.funcs[index].sig.clone())))
                    }
                    Name::Pkg(PkgEntity::Const(index)) => Ok(self.const_def_value(index)?.1),
                    Name::Pkg(PkgEntity::Type(_))
                    | Name::Type(_)
                    | Name::Local(Entity::Type(_)) => Err(self
                        .src
                        .error(node, format!("{text} (type) is not an expression"))),
                    Name::Local(Entity::GenericType(_)) => Err(self.src.error(
                        node,
                        format!("cannot use generic type {text} without instantiation"),
                    )),
                    Name::Pkg(PkgEntity::Import(_)) => Err(self
                        .src
                        .error(node, format!("use of package {text} without selector"))),
                    Name::Builtin => Err(self
                        .src
                        .error(node, format!("{text} (built-in function) must be called"))),
                    // types2 typexpr.go: the blank identifier names nothing.
                    Name::Unknown if text == "_" => {
                        Err(self.src.error(node, "cannot use _ as value or type"))
                    }
                    Name::Unknown => Err(self.src.error(node, format!("undefined: {text}"))),
                }
            }
            "parenthesized_expression" => match named_children(node).first() {
                Some(&inner) => self.type_of(inner),
                None => Err(self.src.error(node, "empty parentheses")),
            },
            "unary_expression" => {
                let operand = self.required(node, "operand")?;
                let operator = self.src.text_of(self.required(node, "operator")?);
                match operator {
                    "&" => Ok(Ty::Pointer(self.type_of(operand)?.into())),
                    "*" => match self.underlying_type_of(operand)? {
                        Ty::Pointer(inner) => Ok((*inner).clone()),
                        _ => Err(self.src.error(node, "invalid indirect of a non-pointer")),
                    },
                    "<-" => match self.underlying_type_of(operand)? {
                        Ty::Chan(super::types::ChanDir::Send, _) => {
                            let ty = self.type_of(operand)?;
                            Err(self.src.error(
                                operand,
                                format!(
                                    "invalid operation: cannot receive from send-only channel \
                                     {} ({})",
                                    self.src.text_of(operand),
                                    self.operand_description(operand, &ty)
                                ),
                            ))
                        }
                        Ty::Chan(_, inner) => Ok((*inner).clone()),
                        _ => {
                            let ty = self.type_of(operand)?;
                            Err(self.src.error(
                                operand,
                                format!(
                                    "invalid operation: cannot receive from non-channel {} ({})",
                                    self.src.text_of(operand),
                                    self.operand_description(operand, &ty)
                                ),
                            ))
                        }
                    },
                    "!" | "-" | "+" | "^" => {
                        let ty = self.type_of(operand)?;
                        let fits = match (operator, self.types.underlying(&ty)) {
                            ("!", shape) => shape == Ty::Bool,
                            ("^", shape) => matches!(shape, Ty::Int(_)),
                            (_, shape) => matches!(shape, Ty::Int(_) | Ty::Float(_)),
                        };
                        if !fits {
                            // types2 expr.go, unary: `check.op` reports at the operand.
                            let description = self.operand_description(operand, &ty);
                            return Err(self.src.error(
                                operand,
                                format!(
                                    "invalid operation: operator {operator} not defined on {} \
                                     ({description})",
                                    self.src.text_of(operand)
                                ),
                            ));
                        }
                        Ok(ty)
                    }
                    _ => self.type_of(operand),
                }
            }
            "binary_expression" => {
                let operator = self.src.text_of(self.required(node, "operator")?);
                let left = self.required(node, "left")?;
                let right = self.required(node, "right")?;
                match operator {
                    "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||" => Ok(Ty::Bool),
                    "<<" | ">>" => self.type_of(left),
                    _ => {
                        let left_ty = self.type_of(left)?;
                        if self.const_value(left)?.is_some() && !matches!(left_ty, Ty::Named(_)) {
                            self.type_of(right)
                        } else {
                            Ok(left_ty)
                        }
                    }
                }
            }
            "call_expression" => {
                let results = self.call_result_types(node)?;
                self.single_result(node, &results)
            }
            "selector_expression" | "qualified_type" => {
                let (operand, name_node) = Self::selector_parts(node)
                    .ok_or_else(|| self.src.error(node, "malformed selector"))?;
                let name = self.src.text_of(name_node);
                if let Some(package) = self.package_of(operand) {
                    return match self.lib_value(package, name) {
                        Some(PkgEntity::Global(index)) => self.global_type(index),
                        Some(PkgEntity::Func(index)) => {
                            Ok(Ty::Func(Rc::new(self.pkg.funcs[index].sig.clone())))
                        }
                        Some(PkgEntity::Const(index)) => Ok(self.const_def_value(index)?.1),
                        _ if super::stdcall::std_call(package, name).is_some() => {
                            Err(self.src.unsupported(
                                node,
                                format!(
                                    "{} as a value (wrap the call in a function literal: \
                                     `func(...) {{ {}(...) }}`)",
                                    self.src.text_of(node),
                                    self.src.text_of(node)
                                ),
                            ))
                        }
                        _ => Err(self.unsupported_member(node, package, name)),
                    };
                }
                if let Some(receiver) = self.method_expression_receiver(operand)? {
                    if let Some(iface) = self.types.as_interface(&receiver) {
                        let Some((_, sig)) = iface.methods.iter().find(|(n, _)| n == name) else {
                            return Err(self.no_field(node, &receiver, name));
                        };
                        let mut sig = Sig::clone(sig);
                        sig.params.insert(0, receiver);
                        return Ok(Ty::Func(Rc::new(sig)));
                    }
                    let Some(Selection::Method { method, .. }) =
                        self.lookup_selector(&receiver, name, node)?
                    else {
                        return Err(self.no_field(node, &receiver, name));
                    };
                    let mut sig = self.pkg.funcs[method.func].sig.clone();
                    sig.params.insert(0, receiver);
                    return Ok(Ty::Func(Rc::new(sig)));
                }
                let ty = self.type_of(operand)?;
                if let Some(iface) = self.types.as_interface(&ty) {
                    return match iface.methods.iter().find(|(n, _)| n == name) {
                        Some((_, sig)) => Ok(Ty::Func(sig.clone())),
                        None => Err(self.no_field(node, &ty, name)),
                    };
                }
                match self.lookup_selector(&ty, name, node)? {
                    Some(Selection::Field { ty, .. }) => Ok(ty),
                    Some(selection) => self.method_value_type(node, &selection),
                    None => Err(self.no_field(node, &ty, name)),
                }
            }
            "index_expression" | "type_instantiation_expression"
                if self.instance_value(node)?.is_some() =>
            {
                Ok(self.instance_value_type(node)?.expect("an instantiation"))
            }
            "index_expression" => {
                let operand = self.required(node, "operand")?;
                self.index_type(node, operand)
            }
            "generic_type" => self.element_type(node),
            "slice_expression" => {
                let operand = self.required(node, "operand")?;
                let ty = self.type_of(operand)?;
                match self.types.underlying(&ty) {
                    Ty::Slice(_) | Ty::String => Ok(ty),
                    Ty::Array(_, element) => Ok(Ty::Slice(element)),
                    Ty::Pointer(inner) => match self.types.underlying(&inner) {
                        Ty::Array(_, element) => Ok(Ty::Slice(element)),
                        _ => Err(self.src.error(node, "cannot slice a pointer")),
                    },
                    _ => Err(self.src.error(node, "cannot slice this value")),
                }
            }
            "composite_literal" => self.composite_type(node),
            "func_literal" => Ok(Ty::Func(Rc::new(self.signature(node)?))),
            "type_conversion_expression" if self.is_call_read_as_conversion(node) => {
                let results = self.call_result_types(node)?;
                self.src.single_value(node, &results)
            }
            "type_conversion_expression" | "type_assertion_expression" => {
                let type_node = self.required(node, "type")?;
                self.resolve_type(type_node)
            }
            _ => Err(self.unsupported_expression(node)),
        }
    }

    /// The type of `operand[index]` (`node`: an index expression or an element `fns[i]` parsed
    /// as a generic type, `indexcall.rs`).
    pub fn index_type(&mut self, node: Node<'t>, operand: Node<'t>) -> Result<Ty> {
        let operand_ty = self.type_of(operand)?;
        let element = match self.types.underlying(&operand_ty) {
            Ty::Slice(element) | Ty::Array(_, element) => Some((*element).clone()),
            Ty::Map(_, value) => Some((*value).clone()),
            Ty::String => Some(Ty::Int(IntKind::Uint8)),
            Ty::Pointer(inner) => match self.types.underlying(&inner) {
                Ty::Array(_, element) => Some((*element).clone()),
                _ => None,
            },
            _ => None,
        };
        match element {
            Some(element) => Ok(element),
            // go build (1.19), at the `[`: "invalid operation: cannot index p (variable of
            // type *[]int)".
            _ => {
                let described = self.operand_description(operand, &operand_ty);
                let bracket = (0..node.child_count())
                    .filter_map(|i| node.child(i))
                    .flat_map(|child| match child.kind() {
                        "type_arguments" => child.child(0),
                        _ => Some(child),
                    })
                    .find(|child| child.kind() == "[")
                    .unwrap_or(node);
                Err(self.src.error(
                    bracket,
                    format!(
                        "invalid operation: cannot index {} ({described})",
                        self.go_text(operand)
                    ),
                ))
            }
        }
    }

    /// The underlying type of an expression's type.
    pub fn underlying_type_of(&mut self, node: Node<'t>) -> Result<Ty> {
        let ty = self.type_of(node)?;
        Ok(self.types.underlying(&ty))
    }

    /// The types of the values an expression pushes: several for a multi-value call.
    pub fn type_of_multi(&mut self, node: Node<'t>) -> Result<Vec<Ty>> {
        let inner = super::syntax::unparen(node);
        if inner.kind() == "call_expression" {
            self.call_result_types(inner)
        } else {
            Ok(vec![self.type_of(node)?])
        }
    }

    /// Whether an expression has a comma-ok form: a map index, a type assertion, a receive.
    fn comma_ok_form(&mut self, value: Node<'t>) -> Result<bool> {
        let value = unparen(value);
        Ok(match value.kind() {
            "type_assertion_expression" => true,
            "unary_expression" => value
                .child_by_field_name("operator")
                .is_some_and(|o| self.src.text_of(o) == "<-"),
            "index_expression" => {
                let operand = self.required(value, "operand")?;
                matches!(self.underlying_type_of(operand)?, Ty::Map(..))
            }
            _ => false,
        })
    }

    /// The receiver type of a method expression's operand (`T` in `T.M`, `*T` in `(*T).M`),
    /// or `None` when the operand is a value.
    pub fn method_expression_receiver(&mut self, operand: Node<'t>) -> Result<Option<Ty>> {
        let inner = unparen(operand);
        if inner.kind() == "unary_expression"
            && inner
                .child_by_field_name("operator")
                .is_some_and(|o| self.src.text_of(o) == "*")
        {
            let target = self.required(inner, "operand")?;
            return Ok(self.type_named_by(target)?.map(|ty| Ty::Pointer(ty.into())));
        }
        if matches!(
            inner.kind(),
            "identifier" | "pointer_type" | "parenthesized_type"
        ) {
            return self.type_named_by(inner);
        }
        Ok(None)
    }

    /// The error for an expression kind outside the subset.
    pub fn unsupported_expression(&self, node: Node) -> super::ModelError {
        let what = match node.kind() {
            "imaginary_literal" => "complex number".to_string(),
            "type_instantiation_expression" => "generic instantiation".to_string(),
            other => format!("expression {other}"),
        };
        self.src.unsupported(node, what)
    }

    /// A child that the grammar guarantees, as an error when absent.
    pub fn required(&self, node: Node<'t>, field: &str) -> Result<Node<'t>> {
        node.child_by_field_name(field)
            .ok_or_else(|| self.src.error(node, format!("malformed {}", node.kind())))
    }

    /// The one result of a call used as a value; with several, go build's message names their
    /// types: "multiple-value f() (value of type (int, error)) in single-value context".
    pub fn single_result(&self, call: Node<'t>, results: &[Ty]) -> Result<Ty> {
        if results.len() > 1 {
            let types: Vec<String> = results.iter().map(|ty| self.types.describe(ty)).collect();
            return Err(self.src.error(
                call,
                format!(
                    "multiple-value {} (value of type ({})) in single-value context",
                    self.go_text(call),
                    types.join(", ")
                ),
            ));
        }
        self.src.single_value(call, results)
    }

    /// The type of a package-level variable (declared, or inferred from its initializer).
    pub fn global_type(&mut self, index: usize) -> Result<Ty> {
        let package = self.pkg.globals[index].package;
        self.in_package(package, |lowerer| lowerer.global_type_here(index))
    }

    fn global_type_here(&mut self, index: usize) -> Result<Ty> {
        let global = &self.pkg.globals[index];
        if let Some(ty) = &global.ty {
            return Ok(ty.clone());
        }
        if global.in_progress {
            return Err(self.inference_cycle_error(index));
        }
        let (node, type_node, unit, position) =
            (global.node, global.type_node, global.unit, global.position);
        self.pkg.globals[index].in_progress = true;
        self.init_deps.borrow_mut().inferring.push(index);
        let saved_scopes = std::mem::take(&mut self.scopes);
        let result = (|| -> Result<Ty> {
            if let Some(type_node) = type_node {
                return self.resolve_type(type_node);
            }
            let values = self.pkg.units[unit].values.clone();
            let count = self.pkg.units[unit].globals.len();
            match values.as_slice() {
                [] => Err(self.src.error(node, "variable without type or initializer")),
                [value] if count > 1 => {
                    let mut types = self.type_of_multi(*value)?;
                    // `var v, ok = m[k]` (a map index, type assertion or receive): the
                    // second is the untyped bool that says whether it found a value.
                    if count == 2 && types.len() == 1 && self.comma_ok_form(*value)? {
                        types.push(Ty::Bool);
                    }
                    types.get(position).cloned().ok_or_else(|| {
                        self.src.error(
                            *value,
                            format!(
                                "assignment mismatch: {count} variables but {} values",
                                types.len()
                            ),
                        )
                    })
                }
                values => self.type_of(values[position]),
            }
        })();
        self.scopes = saved_scopes;
        self.pkg.globals[index].in_progress = false;
        self.init_deps.borrow_mut().inferring.pop();
        let ty = result?;
        if ty == Ty::UntypedNil {
            return Err(self
                .src
                .error(node, "use of untyped nil in variable declaration"));
        }
        self.pkg.globals[index].ty = Some(ty.clone());
        Ok(ty)
    }
}
