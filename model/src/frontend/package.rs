//! Package-level declarations: imports, types, constants, variables, functions and methods,
//! collected before any function body is lowered (`signatures.rs` then resolves them,
//! `overrides.rs` applies `--set`).

use std::collections::{BTreeSet, HashMap};

use tree_sitter::Node;

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::{field_children, named_children, var_specs, Result, Source};
use super::types::{NamedType, Sig, Ty, TypeTable};
use super::{CompileOptions, ModelError};
use crate::program::FuncId;

pub(super) use super::imports::Std;

/// What a package-level name denotes.
#[derive(Clone, Debug)]
pub(super) enum PkgEntity {
    /// Index into [`Package::consts`].
    Const(usize),
    /// Index into [`Package::globals`].
    Global(usize),
    /// Index into [`Package::funcs`].
    Func(usize),
    /// A declared type or alias.
    Type(Ty),
    /// An imported package.
    Import(Std),
}

/// The evaluation state of a package-level constant.
#[derive(Clone, Debug)]
pub(super) enum ConstState {
    Pending,
    InProgress,
    Done(ConstValue, Ty),
}

/// A package-level constant.
#[derive(Debug)]
pub(super) struct ConstDef<'t> {
    pub node: Node<'t>,
    pub value: Node<'t>,
    pub type_node: Option<Node<'t>>,
    pub iota: i64,
    pub state: ConstState,
    /// A `--set` replacement value, as written.
    pub override_text: Option<String>,
    /// The library package declaring it (`None`: the model's `package main`).
    pub package: Option<Std>,
}

/// A package-level variable.
#[derive(Debug)]
pub(super) struct GlobalDef<'t> {
    pub name: String,
    /// The declaring identifier.
    pub node: Node<'t>,
    pub type_node: Option<Node<'t>>,
    /// Index into [`Package::units`].
    pub unit: usize,
    /// Position among the unit's variables.
    pub position: usize,
    pub ty: Option<Ty>,
    pub in_progress: bool,
    pub boxed: bool,
    /// The library package declaring it (`None`: the model's `package main`).
    pub package: Option<Std>,
}

/// The variables one initializer assigns: `var a = e`, `var a, b = f()`, or a `var` without
/// initializer.
#[derive(Debug)]
pub(super) struct InitUnit<'t> {
    /// The variables (`None` for `_`).
    pub globals: Vec<Option<usize>>,
    /// No expression (zero values), one multi-value call, or one expression per variable.
    pub values: Vec<Node<'t>>,
    /// The `var_spec`.
    pub spec: Node<'t>,
    /// A `--set` replacement of the (single) literal initializer.
    pub override_value: Option<ConstValue>,
    /// The library package declaring it (`None`: the model's `package main`).
    pub package: Option<Std>,
}

/// A top-level function or method.
#[derive(Debug)]
pub(super) struct FuncDef<'t> {
    /// The name as Go prints it (`main.f`, `main.(*T).M`, `main.init.0`).
    pub name: String,
    pub node: Node<'t>,
    /// The method's receiver: defined type and whether it is a pointer.
    pub receiver: Option<(u32, bool)>,
    pub sig: Sig,
    pub id: FuncId,
    /// The library package declaring it (`None`: the model's `package main`).
    pub package: Option<Std>,
    /// A generic function's type parameters (`frontend/generics.rs`); empty otherwise.
    pub type_params: Vec<String>,
    /// An instance's type arguments, one per parameter; empty for the generic declaration.
    pub type_args: Vec<Ty>,
}

/// Everything declared at package level.
#[derive(Debug, Default)]
pub(super) struct Package<'t> {
    pub names: HashMap<String, PkgEntity>,
    /// The package-level names of the library packages written in Go (`Std::library_source`).
    pub lib_names: HashMap<(Std, String), PkgEntity>,
    /// How many of `inits` belong to library packages (they run first, as Go initializes
    /// imported packages before `main`).
    pub lib_inits: usize,
    pub consts: Vec<ConstDef<'t>>,
    pub globals: Vec<GlobalDef<'t>>,
    pub units: Vec<InitUnit<'t>>,
    pub funcs: Vec<FuncDef<'t>>,
    /// `init` functions, in source order (indices into `funcs`).
    pub inits: Vec<usize>,
    pub package_clause: Option<Node<'t>>,
    /// Defined types and the syntax of their definitions.
    pub type_specs: Vec<(u32, Node<'t>)>,
}

impl<'t> Lowerer<'t> {
    /// Collects the package-level declarations and resolves their types, constants and
    /// overrides.
    pub fn new(
        src: &'t Source<'t>,
        roots: &[Node<'t>],
        options: &'t CompileOptions,
        boxed: &'t BTreeSet<usize>,
    ) -> Result<Self> {
        let mut lowerer = Lowerer {
            src,
            options,
            boxed,
            wanted: BTreeSet::new(),
            init_deps: Default::default(),
            reads_clock: false,
            var_uses: Default::default(),
            type_args: Vec::new(),
            go_labels: Default::default(),
            instances: Default::default(),
            pkg: Package::default(),
            types: TypeTable::default(),
            functions: Vec::new(),
            program_types: Vec::new(),
            labels: Vec::new(),
            label_ids: HashMap::new(),
            strings: Vec::new(),
            string_ids: HashMap::new(),
            selects: Vec::new(),
            dynamic: Default::default(),
            warnings: Vec::new(),
            builders: Vec::new(),
            scopes: Vec::new(),
            vars: Vec::new(),
            iota: None,
            const_place: None,
            pending_aliases: Vec::new(),
            resolving_named: Vec::new(),
            deferred_constraints: None,
            current: None,
            user_package: "main",
        };
        for &root in roots {
            lowerer.collect(root)?;
        }
        if lowerer.pkg.package_clause.is_none() {
            return Err(ModelError::without_position(
                src.name,
                "a model must start with `package main`",
            ));
        }
        lowerer.resolve_package()?;
        Ok(lowerer)
    }

    fn collect(&mut self, root: Node<'t>) -> Result<()> {
        self.collect_items(root)?;
        if self.current.is_none() {
            self.check_unused_imports(root)?;
        }
        Ok(())
    }

    fn collect_items(&mut self, root: Node<'t>) -> Result<()> {
        for item in named_children(root) {
            match item.kind() {
                "package_clause" => {
                    let name = named_children(item).first().map(|n| self.src.text_of(*n));
                    // A library file (`Std::library_source`) declares its own package.
                    let library = self
                        .src
                        .file_name_at(item.start_byte())
                        .strip_prefix("gomc:")
                        .is_some();
                    match name {
                        // Any package of the user's: `go run` wants main, `go test` any.
                        Some(name) if !library => {
                            if let Some(first) = self.pkg.package_clause {
                                let first = named_children(first)
                                    .first()
                                    .map(|n| self.src.text_of(*n))
                                    .unwrap_or_default();
                                if first != name {
                                    return Err(self.src.error(
                                        item,
                                        format!("package {name}; expected package {first}"),
                                    ));
                                }
                            }
                            self.current = None;
                            self.user_package = name;
                            self.pkg.package_clause.get_or_insert(item);
                        }
                        Some(name) if library && Std::library_named(name).is_some() => {
                            self.current = Std::library_named(name)
                        }
                        _ => return Err(self.src.error(item, "a model must be package main")),
                    }
                }
                "import_declaration" => {
                    for child in named_children(item) {
                        if child.kind() == "import_spec_list" {
                            for spec in named_children(child) {
                                self.collect_import(spec)?;
                            }
                        } else {
                            self.collect_import(child)?;
                        }
                    }
                }
                "function_declaration" => self.collect_func(item)?,
                "method_declaration" => {
                    let index = self.pkg.funcs.len();
                    self.pkg.funcs.push(FuncDef {
                        name: String::new(),
                        node: item,
                        receiver: None,
                        sig: empty_sig(),
                        id: FuncId(index as u32),
                        package: self.current,
                        type_params: Vec::new(),
                        type_args: Vec::new(),
                    });
                }
                "const_declaration" => {
                    for (name, value, type_node, iota) in self.const_specs(item)? {
                        let text = self.src.text_of(name);
                        if text == "_" {
                            continue;
                        }
                        self.pkg.consts.push(ConstDef {
                            node: name,
                            value,
                            type_node,
                            iota,
                            state: ConstState::Pending,
                            override_text: None,
                            package: self.current,
                        });
                        let index = self.pkg.consts.len() - 1;
                        self.declare_pkg_name(name, PkgEntity::Const(index))?;
                    }
                }
                "var_declaration" => self.collect_vars(item)?,
                "type_declaration" => self.collect_types(item)?,
                "comment" => {}
                // A statement where only declarations may stand: go build's syntax error.
                _ => {
                    return Err(self.src.error(
                        item,
                        "syntax error: non-declaration statement outside function body",
                    ))
                }
            }
        }
        Ok(())
    }

    pub(super) fn declare_pkg_name(&mut self, name: Node<'t>, entity: PkgEntity) -> Result<()> {
        let text = self.src.text_of(name);
        if text == "_" {
            return Ok(());
        }
        if let Some(previous) = self.pkg_name(text) {
            // types2's message, with the other declaration's position where it is known.
            let other = match previous {
                PkgEntity::Const(index) => Some(self.pkg.consts[*index].node),
                PkgEntity::Global(index) => Some(self.pkg.globals[*index].node),
                PkgEntity::Func(index) => {
                    let node = self.pkg.funcs[*index].node;
                    Some(node.child_by_field_name("name").unwrap_or(node))
                }
                PkgEntity::Type(_) | PkgEntity::Import(_) => None,
            };
            let mut message = format!("{text} redeclared in this block");
            if let Some(other) = other {
                let (file, line, col) = self.src.position(other);
                message.push_str(&format!(
                    "\n\t{file}:{line}:{col}: other declaration of {text}"
                ));
            }
            return Err(self.src.error(name, message));
        }
        self.insert_pkg_name(text.to_string(), entity);
        Ok(())
    }

    fn collect_func(&mut self, item: Node<'t>) -> Result<()> {
        let type_params = item
            .child_by_field_name("type_parameters")
            .map(|list| self.type_param_names(list))
            .unwrap_or_default();
        let Some(name) = item.child_by_field_name("name") else {
            return Err(self.src.error(item, "function without a name"));
        };
        let text = self.src.text_of(name).to_string();
        let index = self.pkg.funcs.len();
        let prefix = self.package_prefix();
        let go_name = if text == "init" && self.current.is_some() {
            // Library packages are initialized before main: their init functions run first.
            self.pkg.inits.insert(self.pkg.lib_inits, index);
            self.pkg.lib_inits += 1;
            format!("{prefix}.init.{}", self.pkg.lib_inits - 1)
        } else if text == "init" {
            self.pkg.inits.push(index);
            format!(
                "{prefix}.init.{}",
                self.pkg.inits.len() - 1 - self.pkg.lib_inits
            )
        } else {
            // A library's wrapper for a built-in function used as a value runs under the
            // function's name (`fmt.Println`), as the function itself would in Go.
            let shown = match self.current {
                Some(_) => text.strip_prefix(super::imports::VALUE_WRAPPER),
                None => None,
            };
            format!("{prefix}.{}", shown.unwrap_or(&text))
        };
        self.pkg.funcs.push(FuncDef {
            name: go_name,
            node: item,
            receiver: None,
            sig: empty_sig(),
            id: FuncId(index as u32),
            package: self.current,
            type_params,
            type_args: Vec::new(),
        });
        if text != "init" {
            self.declare_pkg_name(name, PkgEntity::Func(index))?;
        }
        Ok(())
    }

    /// The specifications of a `const` declaration with implicit repetition resolved:
    /// `(name, value expression, type, iota)`.
    #[allow(clippy::type_complexity)]
    pub fn const_specs(
        &self,
        declaration: Node<'t>,
    ) -> Result<Vec<(Node<'t>, Node<'t>, Option<Node<'t>>, i64)>> {
        let mut out = Vec::new();
        let mut last: Option<(Vec<Node<'t>>, Option<Node<'t>>)> = None;
        let specs = named_children(declaration)
            .into_iter()
            .filter(|n| n.kind() == "const_spec");
        for (iota, spec) in specs.enumerate() {
            let names: Vec<_> = field_children(spec, "name")
                .into_iter()
                .filter(|n| n.is_named())
                .collect();
            let type_node = spec.child_by_field_name("type");
            if let Some(values) = spec.child_by_field_name("value") {
                last = Some((named_children(values), type_node));
            } else if type_node.is_some() {
                return Err(self.src.error(
                    spec,
                    "const declaration cannot have type without expression",
                ));
            }
            let Some((values, type_node)) = &last else {
                return Err(self
                    .src
                    .error(spec, "missing init expr for const declaration"));
            };
            if values.len() != names.len() {
                return Err(self.src.error(
                    spec,
                    format!(
                        "assignment mismatch: {} constants but {} values",
                        names.len(),
                        values.len()
                    ),
                ));
            }
            for (name, value) in names.into_iter().zip(values) {
                out.push((name, *value, *type_node, iota as i64));
            }
        }
        Ok(out)
    }

    fn collect_vars(&mut self, declaration: Node<'t>) -> Result<()> {
        for (spec, names) in var_specs(declaration) {
            let type_node = spec.child_by_field_name("type");
            let values = spec
                .child_by_field_name("value")
                .map(named_children)
                .unwrap_or_default();
            let groups: Vec<(Vec<Node<'t>>, Vec<Node<'t>>)> = if values.len() == names.len() {
                names
                    .iter()
                    .zip(&values)
                    .map(|(n, v)| (vec![*n], vec![*v]))
                    .collect()
            } else if values.is_empty() {
                names.iter().map(|n| (vec![*n], vec![])).collect()
            } else if values.len() == 1 {
                vec![(names.clone(), values.clone())]
            } else {
                return Err(self.src.error(
                    spec,
                    format!(
                        "assignment mismatch: {} variables but {} values",
                        names.len(),
                        values.len()
                    ),
                ));
            };
            for (group_names, group_values) in groups {
                let unit = self.pkg.units.len();
                let mut globals = Vec::new();
                for (position, name) in group_names.into_iter().enumerate() {
                    let text = self.src.text_of(name).to_string();
                    if text == "_" {
                        globals.push(None);
                        continue;
                    }
                    let index = self.pkg.globals.len();
                    self.pkg.globals.push(GlobalDef {
                        boxed: self.boxed.contains(&name.start_byte()),
                        name: text,
                        node: name,
                        type_node,
                        unit,
                        position,
                        ty: None,
                        in_progress: false,
                        package: self.current,
                    });
                    self.declare_pkg_name(name, PkgEntity::Global(index))?;
                    globals.push(Some(index));
                }
                self.pkg.units.push(InitUnit {
                    globals,
                    values: group_values,
                    spec,
                    override_value: None,
                    package: self.current,
                });
            }
        }
        Ok(())
    }

    /// The name and type of a `type` specification (`None` for a malformed one); a generic
    /// type is refused.
    pub fn type_spec_parts(&self, spec: Node<'t>) -> Result<Option<(Node<'t>, Node<'t>)>> {
        if let Some(params) = spec.child_by_field_name("type_parameters") {
            return Err(self.src.unsupported(params, "generic type"));
        }
        Ok(spec
            .child_by_field_name("name")
            .zip(spec.child_by_field_name("type")))
    }

    fn collect_types(&mut self, declaration: Node<'t>) -> Result<()> {
        for spec in named_children(declaration) {
            if spec.child_by_field_name("type_parameters").is_some() {
                self.collect_generic_type(spec)?;
                continue;
            }
            let Some((name, type_node)) = self.type_spec_parts(spec)? else {
                continue;
            };
            if spec.kind() == "type_alias" {
                self.pending_aliases.push((name, type_node, self.current));
                continue;
            }
            let index = self.types.named.len() as u32;
            self.types.named.push(NamedType {
                name: self.src.text_of(name).to_string(),
                underlying: None,
                methods: Vec::new(),
                package: self.current,
            });
            self.pkg.type_specs.push((index, type_node));
            self.declare_pkg_name(name, PkgEntity::Type(Ty::Named(index)))?;
        }
        Ok(())
    }
}

/// Whether a type name is one of Go's integer types.
pub(super) fn is_int_type_name(name: &str) -> bool {
    matches!(
        name,
        "int"
            | "int8"
            | "int16"
            | "int32"
            | "int64"
            | "uint"
            | "uint8"
            | "uint16"
            | "uint32"
            | "uint64"
            | "uintptr"
            | "byte"
            | "rune"
    )
}

fn empty_sig() -> Sig {
    Sig {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    }
}
