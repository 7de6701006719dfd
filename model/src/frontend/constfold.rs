//! Constant expressions (Go spec, "Constant expressions"): folding, untyped constants and
//! their default types, `iota`, and the range check of a constant against its type.

use super::constant::{self, ConstError, ConstValue};
use super::literal::{int_literal, rune_literal, string_literal};
use super::lowerer::{Entity, Lowerer};
use super::overrides::parse_override;
use super::package::{ConstState, PkgEntity};
use super::resolve::Name;
use super::syntax::{named_children, unparen, Result};
use super::types::{Ty, FLOAT64, INT};
use num_traits::ToPrimitive;
use tree_sitter::Node;

impl<'t> Lowerer<'t> {
    /// The value of a constant expression, or `None` when the expression is not constant.
    pub fn const_value(&mut self, node: Node<'t>) -> Result<Option<(ConstValue, Ty)>> {
        let text = self.src.text_of(node);
        let value = match node.kind() {
            "int_literal" => match int_literal(text) {
                Some(v) => (ConstValue::Int(v), INT),
                None => return Err(self.src.error(node, "malformed integer literal")),
            },
            "float_literal" => {
                match text.replace('_', "").parse::<f64>() {
                    Ok(v) if v.is_finite() => (ConstValue::Float(v), FLOAT64),
                    _ => return Err(self.src.unsupported(
                        node,
                        "this floating-point literal (write it in decimal, within float64's range)",
                    )),
                }
            }
            "rune_literal" => match rune_literal(text) {
                // An untyped rune constant: its default type is rune (Go spec, "Constants").
                Ok(v) => (ConstValue::int(v), Ty::Int(super::types::IntKind::Int32)),
                Err(message) => return Err(self.src.error(node, message)),
            },
            "interpreted_string_literal" | "raw_string_literal" => match string_literal(text) {
                Ok(s) => (ConstValue::Str(s), Ty::String),
                Err(message) => return Err(self.src.error(node, message)),
            },
            "true" | "false" => (ConstValue::Bool(text == "true"), Ty::Bool),
            "iota" => match self.iota {
                Some(iota) => (ConstValue::int(iota), INT),
                None => {
                    return Err(self
                        .src
                        .error(node, "cannot use iota outside constant declaration"))
                }
            },
            // A name parsed as a type, as an index in `fns[i](x)` (`indexcall.rs`).
            "identifier" | "type_identifier" => match self.lookup(text) {
                Name::Local(Entity::Const(value, ty)) => (value, ty),
                Name::Pkg(PkgEntity::Const(index)) => self.const_def_value(index)?,
                _ => return Ok(None),
            },
            "parenthesized_expression" => match named_children(node).first() {
                Some(&inner) => return self.const_value(inner),
                None => return Ok(None),
            },
            "selector_expression" | "qualified_type" => {
                let Some((operand, field)) = Self::selector_parts(node) else {
                    return Ok(None);
                };
                // A constant of a library package written in Go (`time.Second`).
                let Some(package) = self.package_of(operand) else {
                    return Ok(None);
                };
                match self.lib_member(package, self.src.text_of(field)) {
                    Some(PkgEntity::Const(index)) => self.const_def_value(index)?,
                    _ => return Ok(None),
                }
            }
            "unary_expression" => {
                let (Some(operator), Some(operand)) = (
                    node.child_by_field_name("operator"),
                    node.child_by_field_name("operand"),
                ) else {
                    return Ok(None);
                };
                let operator = self.src.text_of(operator);
                if !matches!(operator, "-" | "+" | "!" | "^") {
                    return Ok(None);
                }
                let Some((value, ty)) = self.const_value(operand)? else {
                    return Ok(None);
                };
                let value = match (operator, value) {
                    ("-", ConstValue::Int(v)) => ConstValue::Int(-v),
                    ("+", ConstValue::Int(v)) => ConstValue::Int(v),
                    // Constants are exact numbers: there is no negative zero (`-0.0` is 0).
                    ("-", ConstValue::Float(v)) => ConstValue::Float(-v + 0.0),
                    ("+", ConstValue::Float(v)) => ConstValue::Float(v),
                    // `^x` of an unsigned typed constant flips the kind's bits only.
                    ("^", ConstValue::Int(v)) => {
                        let unsigned = match self.types.underlying(&ty) {
                            Ty::Int(kind) if kind.unsigned() => Some(kind),
                            _ => None,
                        };
                        ConstValue::Int(constant::complement(&v, unsigned))
                    }
                    ("!", ConstValue::Bool(b)) => ConstValue::Bool(!b),
                    _ => return Err(self.src.error(node, "invalid constant operation")),
                };
                self.check_const_fits(&value, &ty, node)?;
                (value, ty)
            }
            "binary_expression" => {
                let (Some(left), Some(operator), Some(right)) = (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("operator"),
                    node.child_by_field_name("right"),
                ) else {
                    return Ok(None);
                };
                let Some((a, left_ty)) = self.const_value(left)? else {
                    return Ok(None);
                };
                let Some((b, right_ty)) = self.const_value(right)? else {
                    return Ok(None);
                };
                let operator_node = operator;
                let operator = self.src.text_of(operator);
                if matches!(operator, "&&" | "||") {
                    return match (a, b) {
                        (ConstValue::Bool(x), ConstValue::Bool(y)) => {
                            let v = if operator == "&&" { x && y } else { x || y };
                            Ok(Some((ConstValue::Bool(v), Ty::Bool)))
                        }
                        _ => Err(self.src.error(node, "invalid constant operation")),
                    };
                }
                let Some(op) = constant::binary_operator(operator) else {
                    return Ok(None);
                };
                // An untyped float meeting a typed integer constant is converted to its type
                // first, so it must be an integer (`time.Second * 1.5` is an error).
                for (value, ty, node, other_ty) in [
                    (&a, &left_ty, left, &right_ty),
                    (&b, &right_ty, right, &left_ty),
                ] {
                    if let (ConstValue::Float(_), Ty::Int(kind)) =
                        (value, self.types.underlying(other_ty))
                    {
                        if *ty == FLOAT64 && *other_ty != INT && value.integral().is_none() {
                            return Err(self.src.error(
                                node,
                                format!(
                                    "{} (untyped float constant) truncated to {}",
                                    self.src.text_of(node),
                                    kind.name()
                                ),
                            ));
                        }
                    }
                }
                let value = constant::binary(op, &a, &b).map_err(|error| match error {
                    ConstError::AtOperator(message) => self.src.error(operator_node, message),
                    ConstError::AtRight(message) => self.src.error(right, message),
                    ConstError::AtExpression(message) => self.src.error(node, message),
                    ConstError::ShiftCountOverflow(count) => self.src.error(
                        right,
                        format!(
                            "{} (untyped int constant {count}) overflows uint",
                            self.src.text_of(right)
                        ),
                    ),
                })?;
                let ty = if constant::is_comparison(op) {
                    Ty::Bool
                } else if left_ty != INT
                    || matches!(op, crate::program::BinOp::Shl | crate::program::BinOp::Shr)
                {
                    left_ty
                } else {
                    right_ty
                };
                let value = self.const_in_type(value, &ty, node)?;
                self.check_const_fits(&value, &ty, node)?;
                (value, ty)
            }
            "call_expression" => {
                let (Some(function), Some(arguments)) = (
                    node.child_by_field_name("function"),
                    node.child_by_field_name("arguments"),
                ) else {
                    return Ok(None);
                };
                let arguments = named_children(arguments);
                let [argument] = arguments.as_slice() else {
                    return Ok(None);
                };
                let function = unparen(function);
                let builtin = self.src.text_of(function);
                if function.kind() == "identifier"
                    && matches!(builtin, "len" | "cap")
                    && matches!(self.lookup(builtin), Name::Builtin)
                {
                    if let Some(length) = self.constant_array_length(*argument) {
                        return Ok(Some((ConstValue::int(length as usize), INT)));
                    }
                    return Ok(match self.const_value(*argument)? {
                        Some((ConstValue::Str(s), _)) if builtin == "len" => {
                            Some((ConstValue::int(s.len()), INT))
                        }
                        _ => None,
                    });
                }
                let Some(target) = self.type_named_by(function)? else {
                    return Ok(None);
                };
                let Some((value, source)) = self.const_value(*argument)? else {
                    return Ok(None);
                };
                match (self.types.underlying(&target), &value) {
                    (Ty::Int(kind), ConstValue::Int(v)) if !constant::fits(kind, v) => {
                        return Err(self.cannot_convert(*argument, &value, &source, &target))
                    }
                    // `string(r)` of an integer constant: the rune's UTF-8, or U+FFFD for
                    // a value that is not a code point (Go spec, "Conversions to and from
                    // a string type").
                    (Ty::String, ConstValue::Int(v)) => {
                        let rune = v
                            .to_u32()
                            .and_then(char::from_u32)
                            .unwrap_or(char::REPLACEMENT_CHARACTER);
                        (ConstValue::Str(rune.to_string()), target)
                    }
                    (Ty::Int(_), ConstValue::Int(_))
                    | (Ty::Bool, ConstValue::Bool(_))
                    | (Ty::String, ConstValue::Str(_)) => (value, target),
                    (Ty::Float(kind), ConstValue::Int(_) | ConstValue::Float(_)) => {
                        (ConstValue::Float(kind.round(value.as_f64())), target)
                    }
                    (Ty::Int(kind), ConstValue::Float(_)) => {
                        match value.integral().filter(|v| constant::fits(kind, v)) {
                            Some(v) => (ConstValue::Int(v), target),
                            None => {
                                return Err(self.cannot_convert(*argument, &value, &source, &target))
                            }
                        }
                    }
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(value))
    }

    /// The value of a package-level constant (evaluated once, in the package scope).
    pub fn const_def_value(&mut self, index: usize) -> Result<(ConstValue, Ty)> {
        let package = self.pkg.consts[index].package;
        self.in_package(package, |lowerer| lowerer.const_def_value_here(index))
    }

    fn const_def_value_here(&mut self, index: usize) -> Result<(ConstValue, Ty)> {
        let def = &self.pkg.consts[index];
        match &def.state {
            ConstState::Done(value, ty) => return Ok((value.clone(), ty.clone())),
            ConstState::InProgress => {
                return Err(self.src.error(def.node, "constant definition loop"));
            }
            ConstState::Pending => {}
        }
        let (node, value_node, type_node, iota) = (def.node, def.value, def.type_node, def.iota);
        self.pkg.consts[index].state = ConstState::InProgress;
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_iota = self.iota.replace(iota);
        let result = self.const_spec_value(node, value_node, type_node);
        self.scopes = saved_scopes;
        self.iota = saved_iota;
        let (mut value, ty) = result?;
        if let Some(text) = self.pkg.consts[index].override_text.clone() {
            let name = self.src.text_of(node);
            value = parse_override(&value, &text).map_err(|message| {
                super::ModelError::without_position(
                    self.src.name,
                    format!("--set {name}={text}: {message}"),
                )
            })?;
        }
        self.pkg.consts[index].state = ConstState::Done(value.clone(), ty.clone());
        Ok((value, ty))
    }

    /// The result of constant arithmetic in the operation's type: an untyped float operand of
    /// an integer-typed one (`time.Second * 2.0`) must have been an integer.
    fn const_in_type(&self, value: ConstValue, ty: &Ty, node: Node) -> Result<ConstValue> {
        match (&value, self.types.underlying(ty)) {
            (ConstValue::Float(_), Ty::Int(kind)) => {
                match value.integral().filter(|v| constant::fits(kind, v)) {
                    Some(v) => Ok(ConstValue::Int(v)),
                    None => Err(self.src.error(
                        node,
                        format!(
                            "{} (untyped float constant) truncated to {}",
                            self.src.text_of(node),
                            kind.name()
                        ),
                    )),
                }
            }
            (ConstValue::Int(_), Ty::Float(kind)) | (ConstValue::Float(_), Ty::Float(kind)) => {
                Ok(ConstValue::Float(kind.round(value.as_f64())))
            }
            _ => Ok(value),
        }
    }

    /// The result of arithmetic on a typed integer constant must fit its type (go build: "c + 1
    /// (constant 256 of type uint8) overflows uint8", at the expression). `int` is the type
    /// the front end gives untyped integer constants too, so a constant of type `int` is
    /// checked where it meets a typed place instead (`assign.rs`), as an untyped one is.
    fn check_const_fits(&self, value: &ConstValue, ty: &Ty, node: Node) -> Result<()> {
        if let (ConstValue::Int(v), Ty::Int(kind)) = (value, self.types.underlying(ty)) {
            if *ty != INT && !constant::fits(kind, v) {
                let ty = self.types.describe(ty);
                return Err(self.src.error(
                    node,
                    format!(
                        "{} (constant {v} of type {ty}) overflows {ty}",
                        self.src.text_of(node)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// go build's error for a conversion `T(c)` of a constant `c` that `T` cannot represent:
    /// "cannot convert 300 (untyped int constant) to type uint8", the value given where the
    /// operand is not a literal.
    pub(super) fn cannot_convert(
        &self,
        argument: Node,
        value: &ConstValue,
        source: &Ty,
        target: &Ty,
    ) -> super::ModelError {
        let text = self.src.text_of(argument);
        let shown = match value {
            ConstValue::Int(v) if v.to_string() != text => format!(" {v}"),
            _ => String::new(),
        };
        let description = match value {
            // A typed constant (`int64(300)`, `c` of `const c uint16 = 300`) names its type.
            _ if *source != INT && *source != FLOAT64 => {
                format!("constant{shown} of type {}", self.types.describe(source))
            }
            ConstValue::Float(_) => format!("untyped float constant{shown}"),
            _ => format!("untyped int constant{shown}"),
        };
        self.src.error(
            argument,
            format!(
                "cannot convert {text} ({description}) to type {}",
                self.types.describe(target)
            ),
        )
    }

    /// Evaluates one constant specification (with `iota` already set).
    pub fn const_spec_value(
        &mut self,
        name: Node<'t>,
        value_node: Node<'t>,
        type_node: Option<Node<'t>>,
    ) -> Result<(ConstValue, Ty)> {
        let Some((value, ty)) = self.const_value(value_node)? else {
            let text = self.src.text_of(value_node);
            return Err(self
                .src
                .error(value_node, format!("{text} is not constant")));
        };
        let Some(type_node) = type_node else {
            return Ok((value, ty));
        };
        let declared = self.resolve_type(type_node)?;
        match (self.types.underlying(&declared), &value) {
            (Ty::Int(kind), ConstValue::Int(v)) if !constant::fits(kind, v) => {
                let text = self.src.text_of(value_node);
                let shown = if v.to_string() == text {
                    String::new()
                } else {
                    format!(" {v}")
                };
                Err(self.src.error(
                    value_node,
                    format!(
                        "cannot use {text} (untyped int constant{shown}) as {} value in constant \
                         declaration (overflows)",
                        self.types.describe(&declared)
                    ),
                ))
            }
            (Ty::Int(_), ConstValue::Int(_))
            | (Ty::Bool, ConstValue::Bool(_))
            | (Ty::String, ConstValue::Str(_)) => Ok((value, declared)),
            (Ty::Float(_), ConstValue::Int(_) | ConstValue::Float(_))
            | (Ty::Int(_), ConstValue::Float(_)) => {
                let value = self.const_in_type(value, &declared, value_node)?;
                Ok((value, declared))
            }
            _ => Err(self.src.error(
                name,
                format!(
                    "cannot use constant of this kind as {}",
                    self.types.describe(&declared)
                ),
            )),
        }
    }

    /// `len(a)` and `cap(a)` are constants when `a` is an array or a pointer to one and holds
    /// no channel receive or function call (Go spec, "Length and capacity"): the array's
    /// length, without evaluating `a` (so `len(p)` of a nil `*[4]int` is 4).
    fn constant_array_length(&mut self, argument: Node<'t>) -> Option<u32> {
        fn evaluates_something(node: Node) -> bool {
            if node.kind() == "call_expression" {
                return true;
            }
            if node.kind() == "unary_expression"
                && node
                    .child_by_field_name("operator")
                    .is_some_and(|o| o.kind() == "<-")
            {
                return true;
            }
            let mut cursor = node.walk();
            let found = node.named_children(&mut cursor).any(evaluates_something);
            found
        }
        if evaluates_something(argument) {
            return None;
        }
        let length = match self.underlying_type_of(argument).ok()? {
            Ty::Array(length, _) => length,
            Ty::Pointer(inner) => match self.types.underlying(&inner) {
                Ty::Array(length, _) => length,
                _ => return None,
            },
            _ => return None,
        };
        // The variables named are used, as go build counts them, though not evaluated.
        let mut stack = vec![argument];
        while let Some(node) = stack.pop() {
            if node.kind() == "identifier" {
                if let Name::Local(super::lowerer::Entity::Var(id)) =
                    self.lookup(self.src.text_of(node))
                {
                    let decl = self.vars[id].decl;
                    self.var_uses.accessed(decl);
                }
            }
            let mut cursor = node.walk();
            stack.extend(node.named_children(&mut cursor));
        }
        Some(length)
    }
}
