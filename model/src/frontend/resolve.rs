//! Name lookup, type expressions and constant expressions.

use std::rc::Rc;

use tree_sitter::Node;

use super::initcycle::{Dep, InitDeps};
use super::lowerer::{Entity, Lowerer};
use super::package::{is_int_type_name, PkgEntity, Std};
use super::syntax::{field_children, has_token, named_children, unparen, Result};
use super::types::{AtomicKind, ChanDir, FieldInfo, IntKind, Sig, StructType, Ty, ANY, ERROR};

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
        if let Some((_, ty)) = self.type_args.iter().find(|(param, _)| param == name) {
            return Name::Type(ty.clone());
        }
        if let Some(entity) = self.pkg_name(name) {
            match entity {
                PkgEntity::Global(global) => InitDeps::note(&self.init_deps, Dep::Var(*global)),
                PkgEntity::Func(func) => InitDeps::note(&self.init_deps, Dep::Func(*func)),
                _ => {}
            }
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
        if !matches!(node.kind(), "identifier" | "package_identifier") {
            return None;
        }
        match self.lookup(self.src.text_of(node)) {
            Name::Pkg(PkgEntity::Import(package)) => Some(package),
            _ => None,
        }
    }

    /// `pkg.Name` (a qualified type or a selector): the imported package and the name node.
    pub fn qualified_name(&self, node: Node<'t>) -> Option<(Std, Node<'t>)> {
        let (package, name) = if node.kind() == "qualified_type" {
            (
                node.child_by_field_name("package")?,
                node.child_by_field_name("name")?,
            )
        } else {
            (
                node.child_by_field_name("operand")?,
                node.child_by_field_name("field")?,
            )
        };
        match self.lookup(self.src.text_of(package)) {
            Name::Pkg(PkgEntity::Import(std)) => Some((std, name)),
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
            // `Stack[int]` in expression position (`new(Stack[int])`, a conversion).
            "index_expression" | "type_instantiation_expression" => {
                let (base, arguments) = match node.kind() {
                    "index_expression" => (
                        self.required(node, "operand")?,
                        vec![self.required(node, "index")?],
                    ),
                    _ => {
                        let base = self.required(node, "type")?;
                        let arguments = named_children(node)
                            .into_iter()
                            .filter(|n| n.id() != base.id())
                            .collect();
                        (base, arguments)
                    }
                };
                if !matches!(
                    base.kind(),
                    "identifier" | "type_identifier" | "selector_expression" | "qualified_type"
                ) {
                    return Ok(None);
                }
                self.generic_type_instance(base, &arguments)
            }
            "selector_expression" | "qualified_type" => {
                let Some((std, name)) = self.qualified_name(node) else {
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

    /// types2's error for a type name that names no type: "undefined: Foo", or for a generic
    /// type written without type arguments "cannot use generic type Stack[T any] without
    /// instantiation".
    fn undefined_type(&self, node: Node<'t>, text: &str) -> super::ModelError {
        let generic = self
            .instances
            .types
            .iter()
            .find(|g| g.name == text && g.package == self.current);
        let params = generic
            .and_then(|g| g.type_node.parent())
            .and_then(|spec| spec.child_by_field_name("type_parameters"));
        match params {
            Some(params) => self.src.error(
                node,
                format!(
                    "cannot use generic type {text}{} without instantiation",
                    self.src.text_of(params)
                ),
            ),
            None => self.src.error(node, format!("undefined: {text}")),
        }
    }

    /// Resolves type syntax.
    pub fn resolve_type(&mut self, node: Node<'t>) -> Result<Ty> {
        let child = |n: Node<'t>| named_children(n).into_iter().next();
        match node.kind() {
            "type_identifier" | "identifier" | "qualified_type" | "selector_expression" => {
                let text = self.src.text_of(node);
                if matches!(text, "complex64" | "complex128") {
                    return Err(self.src.unsupported(node, "complex numbers"));
                }
                match self.type_named_by(node)? {
                    Some(ty) => Ok(ty),
                    None if text.contains('.') => {
                        let (qualifier, member) = text.split_once('.').unwrap_or((text, ""));
                        match self.pkg_name(qualifier) {
                            Some(PkgEntity::Import(package)) => {
                                let package = *package;
                                Err(self.unsupported_member(node, package, member))
                            }
                            // A package used without its import (`sync.Pool` with no
                            // `import "sync"`): go build's "undefined: sync".
                            _ if matches!(self.lookup(qualifier), Name::Unknown) => {
                                Err(self.src.error(node, format!("undefined: {qualifier}")))
                            }
                            _ => Err(self.src.unsupported(node, format!("type {text}"))),
                        }
                    }
                    None => Err(self.undefined_type(node, text)),
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
                match self.const_value(length)?.and_then(|(n, _)| n.as_index()) {
                    Some(n) if n <= 1 << 20 => Ok(Ty::Array(n as u32, element.into())),
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
                if let Some(key_node) = node.child_by_field_name("key") {
                    self.check_map_key(key_node, &key)?;
                }
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
            // A type argument (`[string, int]`) wraps each type.
            "type_elem" => match named_children(node)[..] {
                [single] => self.resolve_type(single),
                _ => Err(self
                    .src
                    .unsupported(node, "a union of types outside a constraint")),
            },
            "generic_type" => {
                let base = self.required(node, "type")?;
                let arguments = self
                    .required(node, "type_arguments")
                    .map(named_children)
                    .unwrap_or_default();
                match self.generic_type_instance(base, &arguments)? {
                    Some(ty) => Ok(ty),
                    None => Err(self.src.unsupported(node, "generic type")),
                }
            }
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
        // Each field's name and where it is declared, for a redeclaration's message.
        let mut seen: Vec<(String, Node<'t>)> = Vec::new();
        for declaration in list.map(named_children).unwrap_or_default() {
            let Some(type_node) = declaration.child_by_field_name("type") else {
                return Err(self.src.error(declaration, "field without a type"));
            };
            let mut ty = self.resolve_type(type_node)?;
            let names: Vec<_> = field_children(declaration, "name")
                .into_iter()
                .filter(|n| n.is_named())
                .collect();
            let mut add = |lowerer: &Self, field: FieldInfo, at: Node<'t>| -> Result<()> {
                if let Some(&(_, other)) = seen
                    .iter()
                    .find(|(name, _)| field.name != "_" && *name == field.name)
                {
                    // types2's message, with the other declaration's position.
                    let (file, line, col) = lowerer.src.position(other);
                    return Err(lowerer.src.error(
                        at,
                        format!(
                            "{0} redeclared\n\t{file}:{line}:{col}: other declaration of {0}",
                            field.name
                        ),
                    ));
                }
                seen.push((field.name.clone(), at));
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

    /// `interface { M(); Embedded }`: the method set, embedded interfaces flattened in.
    fn interface_type(&mut self, node: Node<'t>) -> Result<Ty> {
        if named_children(node)
            .iter()
            .all(|element| element.kind() == "comment")
        {
            // Identical to `any`, but spelled as written in go build's messages.
            return Ok(super::types::EMPTY_WRITTEN);
        }
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
                    // A union or a non-interface type makes this a constraint interface, usable
                    // only to constrain type parameters; gomc does not check constraints
                    // (`frontend/generics.rs`), so only its methods are kept.
                    let [single] = named_children(element)[..] else {
                        continue;
                    };
                    if matches!(single.kind(), "negated_type" | "union_type") {
                        continue;
                    }
                    // `comparable` embedded in a constraint (`interface{ Priority() P;
                    // comparable }`) adds no method; constraints.rs checks it.
                    if single.kind() == "type_identifier"
                        && self.src.text_of(single) == "comparable"
                        && matches!(self.lookup("comparable"), Name::Unknown | Name::Builtin)
                    {
                        continue;
                    }
                    let embedded = self.resolve_type(single)?;
                    if let Ty::Named(index) = embedded {
                        if self.types.named[index as usize].underlying.is_none()
                            && self.pkg.type_specs.iter().any(|(i, _)| *i == index)
                        {
                            // Declared later in the package (or in a library package resolved
                            // after it): its method set is needed now.
                            self.resolve_named(index)?;
                        }
                    }
                    let Some(inner) = self.types.as_interface(&embedded) else {
                        continue;
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
}

/// The predeclared types.
fn predeclared_type(name: &str) -> Option<Ty> {
    Some(match name {
        n if is_int_type_name(n) => Ty::Int(IntKind::from_name(n)?),
        "float32" => Ty::Float(super::types::FloatKind::F32),
        "float64" => super::types::FLOAT64,
        "bool" => Ty::Bool,
        "string" => Ty::String,
        "any" => ANY,
        "error" => ERROR,
        _ => return None,
    })
}
