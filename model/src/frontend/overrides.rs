//! `--set NAME=VALUE` and `// gomc:set`: overriding a package-level constant, or a variable
//! whose initializer is a literal, with a value of the same kind.

use tree_sitter::Node;

use super::constant::ConstValue;
use super::literal::{int_literal, rune_literal, string_literal};
use super::lowerer::Lowerer;
use super::package::{is_int_type_name, PkgEntity};
use super::syntax::{Result, Source};
use super::ModelError;

impl<'t> Lowerer<'t> {
    pub(super) fn apply_overrides(&mut self) -> Result<()> {
        for (name, value) in &self.options.overrides {
            let fail = |message: String| ModelError::without_position(self.src.name, message);
            match self.pkg.names.get(name) {
                Some(PkgEntity::Const(index)) => {
                    self.pkg.consts[*index].override_text = Some(value.clone());
                }
                Some(PkgEntity::Global(index)) => {
                    let global = &self.pkg.globals[*index];
                    let unit = &self.pkg.units[global.unit];
                    let template = match unit.values.as_slice() {
                        [] => match global.type_node.map(|t| self.src.text_of(t)) {
                            Some("bool") => Some(ConstValue::Bool(false)),
                            Some("string") => Some(ConstValue::Str(String::new())),
                            Some(t) if is_int_type_name(t) => Some(ConstValue::int(0)),
                            Some("float64") => Some(ConstValue::Float(0.0)),
                            _ => None,
                        },
                        [value] if unit.globals.len() == 1 => literal_template(self.src, *value),
                        _ => None,
                    };
                    let Some(template) = template else {
                        return Err(fail(format!(
                            "--set {name}: the initializer of {name} is not a literal"
                        )));
                    };
                    let parsed = parse_override(&template, value)
                        .map_err(|m| fail(format!("--set {name}={value}: {m}")))?;
                    let unit = global.unit;
                    self.pkg.units[unit].override_value = Some(parsed);
                }
                _ => {
                    return Err(fail(format!(
                        "--set {name}: no package-level constant or variable named {name}"
                    )))
                }
            }
        }
        Ok(())
    }
}
/// The kind of a literal initializer (its value), if the expression is a literal.
fn literal_template(src: &Source, node: Node) -> Option<ConstValue> {
    let text = src.text_of(node);
    match node.kind() {
        "int_literal" => int_literal(text).map(ConstValue::Int),
        "float_literal" => Some(ConstValue::Float(0.0)),
        "rune_literal" => rune_literal(text).ok().map(ConstValue::int),
        "interpreted_string_literal" | "raw_string_literal" => {
            string_literal(text).ok().map(ConstValue::Str)
        }
        "true" | "false" => Some(ConstValue::Bool(text == "true")),
        "unary_expression" => {
            let operand = node.child_by_field_name("operand")?;
            let operator = node.child_by_field_name("operator")?;
            match (src.text_of(operator), operand.kind()) {
                ("-" | "+", "int_literal") => Some(ConstValue::int(0)),
                ("-" | "+", "float_literal") => Some(ConstValue::Float(0.0)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Parses a `--set` value as a literal of the same kind as `template`.
pub(super) fn parse_override(
    template: &ConstValue,
    text: &str,
) -> std::result::Result<ConstValue, String> {
    let text = text.trim();
    match template {
        ConstValue::Int(_) => {
            let (negative, digits) = match text.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, text.strip_prefix('+').unwrap_or(text)),
            };
            let value = if digits.starts_with('\'') {
                rune_literal(digits).ok().map(Into::into)
            } else {
                int_literal(digits)
            };
            let value = value.ok_or_else(|| "not an integer literal".to_string())?;
            Ok(ConstValue::Int(if negative { -value } else { value }))
        }
        ConstValue::Float(_) => text
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(ConstValue::Float)
            .ok_or_else(|| "not a floating-point literal".to_string()),
        ConstValue::Bool(_) => match text {
            "true" => Ok(ConstValue::Bool(true)),
            "false" => Ok(ConstValue::Bool(false)),
            _ => Err("not a boolean literal (true or false)".to_string()),
        },
        ConstValue::Str(_) => {
            if text.starts_with('"') || text.starts_with('`') {
                string_literal(text).map(ConstValue::Str)
            } else {
                Ok(ConstValue::Str(text.to_string()))
            }
        }
    }
}
