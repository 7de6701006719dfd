//! Checks `go build` makes that lowering itself would not need: a `:=` that declares nothing
//! new, `++`/`--` of a non-numeric operand, integer division by a constant zero, `==` on
//! functions, slices and maps, map keys of such types, the sizes given to `make`, constant
//! indices out of range, duplicate constant cases, a second `default`, and pointer methods
//! called on values that are not addressable, and the result of `len`, `append` and the other
//! value-only builtins thrown away by a statement, `go` or `defer`. Each
//! error is go build's (Go 1.19's, types2) at its position, so that a program Go rejects is
//! never checked (README, "Input that cannot hurt").

use num_traits::Signed;
use tree_sitter::Node;

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::Ty;

/// Builtins whose calls are values only (Go spec, "Expression statements"): they may not stand
/// as a statement, nor be the call of a `go` or `defer` statement.
const VALUE_ONLY_BUILTINS: &[&str] = &[
    "append", "cap", "complex", "imag", "len", "make", "new", "real", "min", "max",
];

impl<'t> Lowerer<'t> {
    /// A call of a value-only builtin whose result a statement throws away (types2 stmt.go,
    /// exprStmt and the go/defer check): "len(ch) (value of type int) is not used", or with
    /// `keyword` "defer discards result of len(ch) (value of type int)", at the call.
    pub fn check_result_used(&mut self, call: Node<'t>, keyword: Option<&str>) -> Result<()> {
        let Some(function) = call.child_by_field_name("function") else {
            return Ok(());
        };
        let function = super::syntax::unparen(function);
        let name = self.src.text_of(function);
        if function.kind() != "identifier"
            || !VALUE_ONLY_BUILTINS.contains(&name)
            || !matches!(self.lookup(name), super::resolve::Name::Builtin)
        {
            return Ok(());
        }
        let ty = self.type_of(call)?;
        let operand = format!(
            "{} (value of type {})",
            self.src.text_of(call),
            self.types.describe(&ty)
        );
        let message = match keyword {
            Some(keyword) => format!("{keyword} discards result of {operand}"),
            None => format!("{operand} is not used"),
        };
        Err(self.src.error(call, message))
    }

    /// A `:=` must declare at least one new variable in its block (types2 assignments.go,
    /// shortVarDecl): "no new variables on left side of :=", at the operator.
    pub fn check_new_variables(&mut self, node: Node<'t>, left: &[Node<'t>]) -> Result<()> {
        let new = left.iter().any(|&name| {
            let text = self.src.text_of(name);
            text != "_" && self.declared_in_innermost(text).is_none()
        });
        if new {
            return Ok(());
        }
        let mut cursor = node.walk();
        let operator = node
            .children(&mut cursor)
            .find(|child| child.kind() == ":=")
            .unwrap_or(node);
        Err(self
            .src
            .error(operator, "no new variables on left side of :="))
    }

    /// `x++` and `x--` need a numeric operand (types2 stmt.go): "invalid operation: s++
    /// (non-numeric type string)".
    pub fn check_inc_dec_operand(&mut self, node: Node<'t>, ty: &Ty) -> Result<()> {
        if matches!(self.types.underlying(ty), Ty::Int(_) | Ty::Float(_)) {
            return Ok(());
        }
        Err(self.src.error(
            node,
            format!(
                "invalid operation: {} (non-numeric type {})",
                self.src.text_of(node),
                self.types.describe(ty)
            ),
        ))
    }

    /// An integer `/` or `%` by a constant zero (types2 expr.go, binary): "invalid operation:
    /// division by zero", at the divisor. A float divided by zero is Go's +Inf, not an error.
    pub fn check_divisor(&mut self, dividend: &Ty, divisor: Node<'t>) -> Result<()> {
        if !matches!(self.types.underlying(dividend), Ty::Int(_)) {
            return Ok(());
        }
        match self.const_value(divisor)? {
            Some((value @ (ConstValue::Int(_) | ConstValue::Float(_)), _))
                if value.as_f64() == 0.0 =>
            {
                Err(self
                    .src
                    .error(divisor, "invalid operation: division by zero"))
            }
            _ => Ok(()),
        }
    }

    /// `==` and `!=` on functions, slices and maps only against `nil` (types2 expr.go,
    /// comparison): "invalid operation: a == b (func can only be compared to nil)".
    pub fn check_comparable(&mut self, node: Node<'t>, left: &Ty, right: &Ty) -> Result<()> {
        if matches!(left, Ty::UntypedNil) || matches!(right, Ty::UntypedNil) {
            return Ok(());
        }
        for ty in [left, right] {
            let reason = match self.types.underlying(ty) {
                Ty::Func(_) => "func can only be compared to nil".to_string(),
                Ty::Slice(_) => "slice can only be compared to nil".to_string(),
                Ty::Map(..) => "map can only be compared to nil".to_string(),
                _ => match self.incomparable_part(ty) {
                    Some(reason) => reason,
                    None => continue,
                },
            };
            return Err(self.src.error(
                node,
                format!("invalid operation: {} ({reason})", self.src.text_of(node)),
            ));
        }
        Ok(())
    }

    /// Why a struct or array type cannot be compared (types2 predicates.go, comparableType):
    /// "struct containing []string cannot be compared" for its first incomparable field,
    /// "[2][]int cannot be compared" for an array of them; `None` when it can be.
    pub(super) fn incomparable_part(&self, ty: &Ty) -> Option<String> {
        fn comparable(types: &super::types::TypeTable, ty: &Ty, depth: u32) -> bool {
            // A struct cannot contain itself by value, so the depth bound is only a guard.
            if depth > 64 {
                return true;
            }
            match types.underlying(ty) {
                Ty::Func(_) | Ty::Slice(_) | Ty::Map(..) => false,
                Ty::Struct(index) => types.structs[index as usize]
                    .fields
                    .iter()
                    .all(|field| comparable(types, &field.ty, depth + 1)),
                Ty::Array(_, element) => comparable(types, &element, depth + 1),
                _ => true,
            }
        }
        match self.types.underlying(ty) {
            Ty::Struct(index) => self.types.structs[index as usize]
                .fields
                .iter()
                .find(|field| !comparable(&self.types, &field.ty, 0))
                .map(|field| {
                    format!(
                        "struct containing {} cannot be compared",
                        self.types.describe(&field.ty)
                    )
                }),
            Ty::Array(..) if !comparable(&self.types, ty, 0) => {
                Some(format!("{} cannot be compared", self.types.describe(ty)))
            }
            _ => None,
        }
    }

    /// A map's key type must be comparable (types2 typexpr.go): "invalid map key type []int",
    /// at the key type.
    pub fn check_map_key(&mut self, key_node: Node<'t>, key: &Ty) -> Result<()> {
        if matches!(
            self.types.underlying(key),
            Ty::Func(_) | Ty::Slice(_) | Ty::Map(..)
        ) || self.incomparable_part(key).is_some()
        {
            return Err(self.src.error(
                key_node,
                format!("invalid map key type {}", self.types.describe(key)),
            ));
        }
        Ok(())
    }

    /// A size given to `make` must be a non-negative integer (types2 builtins.go, index.go):
    /// "invalid argument: index f (variable of type float64) must be integer", "invalid
    /// argument: index -1 (constant of type int) must not be negative", and for an untyped
    /// constant of another kind "cannot convert "4" (untyped string constant) to int".
    pub fn check_make_size(&mut self, size: Node<'t>) -> Result<()> {
        let ty = self.type_of(size)?;
        let text = self.src.text_of(size).to_string();
        if let Some((value, _)) = self.const_value(size)? {
            let integral = match value {
                ConstValue::Int(v) => Some(v),
                ConstValue::Float(_) => value.integral(),
                ConstValue::Str(_) | ConstValue::Bool(_) => {
                    let description = self.operand_description(size, &ty);
                    return Err(self.src.error(
                        size,
                        format!("cannot convert {text} ({description}) to int"),
                    ));
                }
            };
            return match integral {
                Some(v) if v.is_negative() => Err(self.src.error(
                    size,
                    format!(
                        "invalid argument: index {text} (constant of type {}) must not be \
                         negative",
                        self.types.describe(&ty)
                    ),
                )),
                Some(_) => Ok(()),
                None => Err(self.src.error(
                    size,
                    format!("{text} (untyped float constant) truncated to int"),
                )),
            };
        }
        if matches!(self.types.underlying(&ty), Ty::Int(_)) {
            return Ok(());
        }
        let description = self.operand_description(size, &ty);
        Err(self.src.error(
            size,
            format!("invalid argument: index {text} ({description}) must be integer"),
        ))
    }

    /// A constant index must not be negative, and must be within an array's length (types2
    /// index.go): "invalid argument: index -1 (constant of type int) must not be negative",
    /// "invalid argument: index 5 out of bounds [0:3]", at the index.
    pub fn check_index(&mut self, operand: &Ty, index: Node<'t>) -> Result<()> {
        let shape = match self.types.underlying(operand) {
            Ty::Pointer(inner) => self.types.underlying(&inner),
            other => other,
        };
        if let Ty::Map(key, _) = &shape {
            // A map's index must be assignable to its key type (types2 index.go): "cannot use
            // k (variable of type string) as type key in map index".
            let index_ty = self.type_of(index)?;
            return self.check_assignable(&index_ty, key, index, "map index");
        }
        let Some((ConstValue::Int(value), ty)) = self.const_value(index)? else {
            return Ok(());
        };
        let text = self.src.text_of(index).to_string();
        if value.is_negative() {
            return Err(self.src.error(
                index,
                format!(
                    "invalid argument: index {text} (constant of type {}) must not be negative",
                    self.types.describe(&ty)
                ),
            ));
        }
        match shape {
            Ty::Array(length, _) if value >= length.into() => Err(self.src.error(
                index,
                format!("invalid argument: index {text} out of bounds [0:{length}]"),
            )),
            _ => Ok(()),
        }
    }

    /// A second `default` in a switch or select (types2 stmt.go): "multiple defaults (first at
    /// file:line:col)", at the second.
    pub fn multiple_defaults(&self, first: Node<'t>, second: Node<'t>) -> super::ModelError {
        let (file, line, col) = self.src.position(first);
        self.src.error(
            second,
            format!("multiple defaults (first at {file}:{line}:{col})"),
        )
    }

    /// A constant case value of an expression switch that an earlier case has already
    /// (types2 stmt.go, caseValues): "duplicate case 1 (constant of type state) in expression
    /// switch", with the earlier case's position on a line of its own. `seen` holds the
    /// constant cases so far.
    pub fn check_duplicate_case(
        &mut self,
        value: Node<'t>,
        tag: &Ty,
        seen: &mut Vec<(ConstValue, Node<'t>)>,
    ) -> Result<()> {
        let Some((constant, ty)) = self.const_value(value)? else {
            return Ok(());
        };
        // On an interface tag a case is a duplicate only with the same type too (`1` and
        // `T(1)` are different cases).
        let on_interface = self.types.is_interface(tag);
        let mut previous = None;
        for &(ref known, node) in seen.iter() {
            if *known != constant {
                continue;
            }
            if on_interface && !matches!(self.const_value(node)?, Some((_, t)) if t == ty) {
                continue;
            }
            previous = Some(node);
            break;
        }
        let Some(previous) = previous else {
            seen.push((constant, value));
            return Ok(());
        };
        let text = self.src.text_of(value).to_string();
        let shown = constant_text(&constant);
        let ty = self.types.describe(tag);
        let description = if shown == text {
            format!("constant of type {ty}")
        } else {
            format!("constant {shown} of type {ty}")
        };
        let (file, line, col) = self.src.position(previous);
        Err(self.src.error(
            value,
            format!(
                "duplicate case {text} ({description}) in expression switch\n\t{file}:{line}:\
                 {col}: previous case"
            ),
        ))
    }

    /// A constant key that a map literal already has (types2 expr.go, indexedElts' map
    /// case): "duplicate key "a" in map literal", at the second key. `seen` holds the constant
    /// keys so far.
    pub fn check_duplicate_key(&mut self, key: Node<'t>, seen: &mut Vec<ConstValue>) -> Result<()> {
        let key = match key.kind() {
            "literal_element" => key.named_child(0).unwrap_or(key),
            _ => key,
        };
        let Some((constant, _)) = self.const_value(key)? else {
            return Ok(());
        };
        if !seen.contains(&constant) {
            seen.push(constant);
            return Ok(());
        }
        let shown = constant_text(&constant);
        Err(self
            .src
            .error(key, format!("duplicate key {shown} in map literal")))
    }

    /// A pointer method needs an addressable receiver (Go spec, "Calls"; types2 call.go):
    /// `m["a"].Inc()`, `get().Inc()` and `counter{}.Inc()` are "cannot call pointer method Inc
    /// on counter", at the method's name. A receiver reached through a pointer (`steps`
    /// dereference one) is addressable.
    pub fn check_pointer_receiver(
        &mut self,
        receiver: Node<'t>,
        through_pointer: bool,
        method: &str,
    ) -> Result<()> {
        if through_pointer || self.addressable(receiver)? {
            return Ok(());
        }
        let ty = self.type_of(receiver)?;
        let at = receiver
            .parent()
            .and_then(|selector| selector.child_by_field_name("field"))
            .unwrap_or(receiver);
        Err(self.src.error(
            at,
            format!(
                "cannot call pointer method {method} on {}",
                self.types.describe(&ty)
            ),
        ))
    }

    /// Whether an operand is addressable (Go spec, "Address operators"): a variable, a field
    /// of an addressable struct or reached through a pointer, an element of a slice or of an
    /// addressable array, or a pointer indirection; not a map element, a call's result or a
    /// composite literal.
    fn addressable(&mut self, node: Node<'t>) -> Result<bool> {
        let node = super::syntax::unparen(node);
        Ok(match node.kind() {
            "identifier" => true,
            "unary_expression" => node
                .child_by_field_name("operator")
                .is_some_and(|operator| self.src.text_of(operator) == "*"),
            "selector_expression" => {
                let Some(operand) = node.child_by_field_name("operand") else {
                    return Ok(false);
                };
                if self.package_of(operand).is_some() {
                    return Ok(true);
                }
                let ty = self.type_of(operand)?;
                matches!(self.types.underlying(&ty), Ty::Pointer(_)) || self.addressable(operand)?
            }
            "index_expression" => {
                let Some(operand) = node.child_by_field_name("operand") else {
                    return Ok(false);
                };
                let ty = self.type_of(operand)?;
                match self.types.underlying(&ty) {
                    Ty::Slice(_) | Ty::Pointer(_) => true,
                    Ty::Array(..) => self.addressable(operand)?,
                    _ => false,
                }
            }
            _ => false,
        })
    }
}

/// A constant as types2 writes it in a message: `1`, `"a"`, `true`.
fn constant_text(constant: &ConstValue) -> String {
    match constant {
        ConstValue::Int(v) => v.to_string(),
        ConstValue::Str(v) => format!("{v:?}"),
        ConstValue::Bool(v) => v.to_string(),
        ConstValue::Float(v) => v.to_string(),
    }
}
