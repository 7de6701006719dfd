//! Name lookup, type expressions and constant expressions.

use std::rc::Rc;

use tree_sitter::Node;

use super::constant::{self, ConstValue};
use super::literal::{int_literal, int_literal_u64, rune_literal, string_literal};
use super::lowerer::{Entity, Lowerer};
use super::package::{is_int_type_name, parse_override, ConstState, PkgEntity, Std};
use super::syntax::{field_children, has_token, named_children, unparen, Result};
use super::types::{AtomicKind, ChanDir, FieldInfo, IntKind, Sig, StructType, Ty, ANY, ERROR, INT};

/// What an identifier denotes at a point of the program.
#[derive(Clone, Debug)]
pub(super) enum Name {
    /// A local variable or constant.
    Local(Entity),
    /// A package-level name.
    Pkg(PkgEntity),
    /// A predeclared function (`len`, `append`, ...).
    Builtin,
    /// A predeclared type (`int`, `string`, `error`, ...).
    Type(Ty),
    /// Nothing.
    Unknown,
}

/// Builtin functions of the universe block.
const BUILTINS: &[&str] = &[
    "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
    "min", "new", "panic", "print", "println", "real", "recover",
];

impl<'t> Lowerer<'t> {
    /// Resolves an identifier: local blocks, then package, then universe.
    pub fn lookup(&self, name: &str) -> Name {
        match self.lookup_local(name) {
            Some(Entity::Type(ty)) => return Name::Type(ty),
            Some(entity) => return Name::Local(entity),
            None => {}
        }
        if let Some(entity) = self.pkg_name(name) {
            return Name::Pkg(entity.clone());
        }
        if let Some(ty) = predeclared_type(name) {
            return Name::Type(ty);
        }
        if BUILTINS.contains(&name) {
            return Name::Builtin;
        }
        Name::Unknown
    }

    /// The imported package an expression names (`fmt` in `fmt.Println`), if any.
    pub fn package_of(&self, node: Node) -> Option<Std> {
        if node.kind() != "identifier" {
            return None;
        }
        match self.lookup(self.src.text_of(node)) {
            Name::Pkg(PkgEntity::Import(package)) => Some(package),
            _ => None,
        }
    }

    /// The type a node names, if it names one (type syntax, or an identifier or selector in
    /// expression position such as the argument of `new`).
    pub fn type_named_by(&mut self, node: Node<'t>) -> Result<Option<Ty>> {
        let node = unparen(node);
        match node.kind() {
            "identifier" | "type_identifier" => match self.lookup(self.src.text_of(node)) {
                Name::Pkg(PkgEntity::Type(ty)) | Name::Type(ty) => Ok(Some(ty)),
                _ => Ok(None),
            },
            "selector_expression" | "qualified_type" => {
                let (package, name) = if node.kind() == "qualified_type" {
                    (
                        node.child_by_field_name("package"),
                        node.child_by_field_name("name"),
                    )
                } else {
                    (
                        node.child_by_field_name("operand"),
                        node.child_by_field_name("field"),
                    )
                };
                let (Some(package), Some(name)) = (package, name) else {
                    return Ok(None);
                };
                let Name::Pkg(PkgEntity::Import(std)) = self.lookup(self.src.text_of(package))
                else {
                    return Ok(None);
                };
                let name = self.src.text_of(name);
                if let Some(PkgEntity::Type(ty)) = self.lib_member(std, name) {
                    return Ok(Some(ty));
                }
                let ty = match (std, name) {
                    (Std::Sync, "Mutex") => Ty::Mutex,
                    (Std::Sync, "WaitGroup") => Ty::WaitGroup,
                    (Std::Sync, "RWMutex") => Ty::RWMutex,
                    (Std::Sync, "Once") => Ty::Once,
                    (Std::Sync, "Cond") => Ty::Cond,
                    (Std::Sync, "Map") => Ty::SyncMap,
                    (Std::Sync, "Locker") => Ty::Locker,
                    (Std::Atomic, "Bool") => Ty::Atomic(AtomicKind::Bool),
                    (Std::Atomic, "Int32") => Ty::Atomic(AtomicKind::Int32),
                    (Std::Atomic, "Int64") => Ty::Atomic(AtomicKind::Int64),
                    (Std::Atomic, "Uint32") => Ty::Atomic(AtomicKind::Uint32),
                    (Std::Atomic, "Uint64") => Ty::Atomic(AtomicKind::Uint64),
                    (Std::Time, "Duration") => Ty::Int(IntKind::Int64),
                    _ => return Ok(None),
                };
                Ok(Some(ty))
            }
            "pointer_type"
            | "slice_type"
            | "array_type"
            | "map_type"
            | "channel_type"
            | "function_type"
            | "struct_type"
            | "interface_type"
            | "parenthesized_type"
            | "generic_type"
            | "negated_type"
            | "implicit_length_array_type" => Ok(Some(self.resolve_type(node)?)),
            _ => Ok(None),
        }
    }

    /// Resolves type syntax.
    pub fn resolve_type(&mut self, node: Node<'t>) -> Result<Ty> {
        let child = |n: Node<'t>| named_children(n).into_iter().next();
        match node.kind() {
            "type_identifier" | "identifier" | "qualified_type" | "selector_expression" => {
                let text = self.src.text_of(node);
                if matches!(text, "float32" | "float64" | "complex64" | "complex128") {
                    return Err(self
                        .src
                        .unsupported(node, "floating-point and complex types"));
                }
                match self.type_named_by(node)? {
                    Some(ty) => Ok(ty),
                    None if text.contains('.') => {
                        Err(self.src.unsupported(node, format!("type {text}")))
                    }
                    None => Err(self.src.error(node, format!("undefined type: {text}"))),
                }
            }
            "pointer_type" => {
                let inner = child(node).ok_or_else(|| self.src.error(node, "malformed type"))?;
                Ok(Ty::Pointer(self.resolve_type(inner)?.into()))
            }
            "parenthesized_type" => {
                let inner = child(node).ok_or_else(|| self.src.error(node, "malformed type"))?;
                self.resolve_type(inner)
            }
            "slice_type" => {
                let element = self.type_field(node, "element")?;
                Ok(Ty::Slice(element.into()))
            }
            "array_type" => {
                let element = self.type_field(node, "element")?;
                let length = node
                    .child_by_field_name("length")
                    .ok_or_else(|| self.src.error(node, "malformed array type"))?;
                match self.const_value(length)? {
                    Some((ConstValue::Int(n), _)) if (0..=1 << 20).contains(&n) => {
                        Ok(Ty::Array(n as u32, element.into()))
                    }
                    _ => Err(self
                        .src
                        .error(length, "array length must be a small non-negative constant")),
                }
            }
            "implicit_length_array_type" => Err(self
                .src
                .unsupported(node, "array literal with implicit length [...]T")),
            "map_type" => {
                let key = self.type_field(node, "key")?;
                let value = self.type_field(node, "value")?;
                Ok(Ty::Map(key.into(), value.into()))
            }
            "channel_type" => {
                let element = self.type_field(node, "value")?;
                let text = self.src.text_of(node);
                let dir = if text.starts_with("<-") {
                    ChanDir::Recv
                } else if text["chan".len().min(text.len())..]
                    .trim_start()
                    .starts_with("<-")
                {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                Ok(Ty::Chan(dir, element.into()))
            }
            "function_type" => Ok(Ty::Func(Rc::new(self.signature(node)?))),
            "struct_type" => self.struct_type(node, None),
            "interface_type" => self.interface_type(node),
            "generic_type" => Err(self.src.unsupported(node, "generic type")),
            "negated_type" => Err(self.src.unsupported(node, "type constraint")),
            other => Err(self.src.unsupported(node, format!("type syntax {other}"))),
        }
    }

    fn type_field(&mut self, node: Node<'t>, field: &str) -> Result<Ty> {
        let inner = node
            .child_by_field_name(field)
            .ok_or_else(|| self.src.error(node, "malformed type"))?;
        self.resolve_type(inner)
    }

    /// The signature of a function type, literal or declaration (receiver excluded).
    pub fn signature(&mut self, node: Node<'t>) -> Result<Sig> {
        let (params, variadic) = match node.child_by_field_name("parameters") {
            Some(list) => self.parameter_list(list)?,
            None => (Vec::new(), false),
        };
        let results = match node.child_by_field_name("result") {
            Some(result) => self.result_list(result)?,
            None => Vec::new(),
        };
        Ok(Sig {
            params: params.into_iter().map(|(_, ty)| ty).collect(),
            results: results.into_iter().map(|(_, ty)| ty).collect(),
            variadic,
        })
    }

    /// A struct type; `name` is the defined type's name (a literal type is deduplicated).
    pub fn struct_type(&mut self, node: Node<'t>, name: Option<String>) -> Result<Ty> {
        let mut fields: Vec<FieldInfo> = Vec::new();
        let list = named_children(node)
            .into_iter()
            .find(|n| n.kind() == "field_declaration_list");
        for declaration in list.map(named_children).unwrap_or_default() {
            let Some(type_node) = declaration.child_by_field_name("type") else {
                return Err(self.src.error(declaration, "field without a type"));
            };
            let mut ty = self.resolve_type(type_node)?;
            let names: Vec<_> = field_children(declaration, "name")
                .into_iter()
                .filter(|n| n.is_named())
                .collect();
            let mut add = |lowerer: &Self, field: FieldInfo, at: Node| -> Result<()> {
                if field.name != "_" && fields.iter().any(|f| f.name == field.name) {
                    return Err(lowerer
                        .src
                        .error(at, format!("duplicate field {}", field.name)));
                }
                fields.push(field);
                Ok(())
            };
            if names.is_empty() {
                if has_token(declaration, "*") {
                    ty = Ty::Pointer(ty.into());
                }
                let text = self.src.text_of(type_node);
                let field_name = text.rsplit('.').next().unwrap_or(text).to_string();
                add(
                    self,
                    FieldInfo {
                        name: field_name,
                        ty,
                        embedded: true,
                    },
                    declaration,
                )?;
            } else {
                for field_name in names {
                    add(
                        self,
                        FieldInfo {
                            name: self.src.text_of(field_name).to_string(),
                            ty: ty.clone(),
                            embedded: false,
                        },
                        field_name,
                    )?;
                }
            }
        }
        match name {
            Some(name) => {
                self.types.structs.push(StructType { name, fields });
                Ok(Ty::Struct(self.types.structs.len() as u32 - 1))
            }
            None => Ok(self.types.struct_literal(fields)),
        }
    }

    /// The value of a constant expression, or `None` when the expression is not constant.
    pub fn const_value(&mut self, node: Node<'t>) -> Result<Option<(ConstValue, Ty)>> {
        let text = self.src.text_of(node);
        let value = match node.kind() {
            "int_literal" => match int_literal(text) {
                Some(v) => (ConstValue::Int(v), INT),
                None => return Err(self.src.error(node, "integer constant overflows int64")),
            },
            "rune_literal" => match rune_literal(text) {
                Ok(v) => (ConstValue::Int(v), INT),
                Err(message) => return Err(self.src.error(node, message)),
            },
            "interpreted_string_literal" | "raw_string_literal" => match string_literal(text) {
                Ok(s) => (ConstValue::Str(s), Ty::String),
                Err(message) => return Err(self.src.error(node, message)),
            },
            "true" | "false" => (ConstValue::Bool(text == "true"), Ty::Bool),
            "iota" => match self.iota {
                Some(iota) => (ConstValue::Int(iota), INT),
                None => {
                    return Err(self
                        .src
                        .error(node, "cannot use iota outside constant declaration"))
                }
            },
            "identifier" => match self.lookup(text) {
                Name::Local(Entity::Const(value, ty)) => (value, ty),
                Name::Pkg(PkgEntity::Const(index)) => self.const_def_value(index)?,
                _ => return Ok(None),
            },
            "parenthesized_expression" => match named_children(node).first() {
                Some(&inner) => return self.const_value(inner),
                None => return Ok(None),
            },
            "selector_expression" => {
                let (Some(operand), Some(field)) = (
                    node.child_by_field_name("operand"),
                    node.child_by_field_name("field"),
                ) else {
                    return Ok(None);
                };
                if self.package_of(operand) != Some(Std::Time) {
                    return Ok(None);
                }
                let nanoseconds = match self.src.text_of(field) {
                    "Nanosecond" => 1,
                    "Microsecond" => 1_000,
                    "Millisecond" => 1_000_000,
                    "Second" => 1_000_000_000,
                    "Minute" => 60_000_000_000,
                    "Hour" => 3_600_000_000_000,
                    _ => return Ok(None),
                };
                (ConstValue::Int(nanoseconds), INT)
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
                if operator == "-"
                    && operand.kind() == "int_literal"
                    && int_literal_u64(self.src.text_of(operand)) == Some(1 << 63)
                {
                    return Ok(Some((ConstValue::Int(i64::MIN), INT)));
                }
                let Some((value, ty)) = self.const_value(operand)? else {
                    return Ok(None);
                };
                let value = match (operator, value) {
                    ("-", ConstValue::Int(v)) => match v.checked_neg() {
                        Some(v) => ConstValue::Int(v),
                        None => return Err(self.src.error(node, "constant overflows int64")),
                    },
                    ("+", ConstValue::Int(v)) => ConstValue::Int(v),
                    // `^x` of an unsigned typed constant flips the kind's bits only.
                    ("^", ConstValue::Int(v)) => match self.types.underlying(&ty) {
                        Ty::Int(kind) if kind.unsigned() => {
                            ConstValue::Int(kind.wrap(!v).unwrap_or(!v))
                        }
                        _ => ConstValue::Int(!v),
                    },
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
                let value = constant::binary(op, &a, &b)
                    .map_err(|message| self.src.error(node, message))?;
                let ty = if constant::is_comparison(op) {
                    Ty::Bool
                } else if left_ty != INT
                    || matches!(op, crate::program::BinOp::Shl | crate::program::BinOp::Shr)
                {
                    left_ty
                } else {
                    right_ty
                };
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
                if function.kind() == "identifier"
                    && self.src.text_of(function) == "len"
                    && matches!(self.lookup("len"), Name::Builtin)
                {
                    return Ok(match self.const_value(*argument)? {
                        Some((ConstValue::Str(s), _)) => {
                            Some((ConstValue::Int(s.len() as i64), INT))
                        }
                        _ => None,
                    });
                }
                let Some(target) = self.type_named_by(function)? else {
                    return Ok(None);
                };
                let Some((value, _)) = self.const_value(*argument)? else {
                    return Ok(None);
                };
                match (self.types.underlying(&target), &value) {
                    (Ty::Int(kind), ConstValue::Int(v)) if !kind.holds(*v) => {
                        return Err(self.src.error(
                            *argument,
                            format!(
                                "cannot convert {} (untyped int constant) to type {}",
                                self.src.text_of(*argument),
                                self.types.describe(&target)
                            ),
                        ))
                    }
                    (Ty::Int(_), ConstValue::Int(_))
                    | (Ty::Bool, ConstValue::Bool(_))
                    | (Ty::String, ConstValue::Str(_)) => (value, target),
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

    /// `interface { M(); Embedded }`: the method set, embedded interfaces flattened in.
    fn interface_type(&mut self, node: Node<'t>) -> Result<Ty> {
        let mut methods = Vec::new();
        for element in named_children(node) {
            match element.kind() {
                "method_elem" => {
                    let name = self
                        .src
                        .text_of(self.required(element, "name")?)
                        .to_string();
                    methods.push((name, Rc::new(self.signature(element)?)));
                }
                "type_elem" => {
                    let embedded = match named_children(element).as_slice() {
                        [single] => self.resolve_type(*single)?,
                        _ => {
                            return Err(self
                                .src
                                .unsupported(element, "interface with type constraints"))
                        }
                    };
                    let Some(inner) = self.types.as_interface(&embedded) else {
                        return Err(self.src.unsupported(
                            element,
                            "interface with type constraints (a non-interface type element)",
                        ));
                    };
                    methods.extend(inner.methods.iter().cloned());
                }
                "comment" => {}
                _ => {
                    return Err(self
                        .src
                        .unsupported(element, "interface with type constraints"))
                }
            }
        }
        Ok(self.types.interface(methods))
    }

    /// A typed constant of a sized integer kind must fit it (Go: "constant 256 overflows
    /// uint8"); untyped constants and `int` are checked against int64 by the arithmetic.
    fn check_const_fits(&self, value: &ConstValue, ty: &Ty, node: Node) -> Result<()> {
        if let (ConstValue::Int(v), Ty::Int(kind)) = (value, self.types.underlying(ty)) {
            if !kind.holds(*v) && kind.bits() < 64 {
                return Err(self.src.error(
                    node,
                    format!("constant {v} overflows {}", self.types.describe(ty)),
                ));
            }
        }
        Ok(())
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
            (Ty::Int(kind), ConstValue::Int(v)) if !kind.holds(*v) => Err(self.src.error(
                value_node,
                format!(
                    "cannot use {} (untyped int constant {v}) as {} value in constant declaration (overflows)",
                    self.src.text_of(value_node),
                    self.types.describe(&declared)
                ),
            )),
            (Ty::Int(_), ConstValue::Int(_))
            | (Ty::Bool, ConstValue::Bool(_))
            | (Ty::String, ConstValue::Str(_)) => Ok((value, declared)),
            _ => Err(self.src.error(
                name,
                format!(
                    "cannot use constant of this kind as {}",
                    self.types.describe(&declared)
                ),
            )),
        }
    }
}

/// The predeclared types.
fn predeclared_type(name: &str) -> Option<Ty> {
    Some(match name {
        n if is_int_type_name(n) => Ty::Int(IntKind::from_name(n)?),
        "bool" => Ty::Bool,
        "string" => Ty::String,
        "any" => ANY,
        "error" => ERROR,
        _ => return None,
    })
}
