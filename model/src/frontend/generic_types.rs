//! Generic types (Go spec, "Type definitions" with type parameters) and their methods, built
//! as the Go compiler builds them: each instantiation (`Stack[int]`) is a defined type of its
//! own, with its underlying type resolved under the type arguments and each method of the
//! generic type instantiated for it (named as Go's tracebacks name it,
//! `main.(*Stack[...]).Push`) and lowered like an instance of a generic function
//! (`frontend/generics.rs`). Type arguments are checked against the constraints
//! (`frontend/constraints.rs`).

use tree_sitter::Node;

use super::imports::Std;
use super::lowerer::Lowerer;
use super::package::FuncDef;
use super::syntax::{named_children, Result};
use super::types::{NamedType, Sig, Ty};

/// A generic type's declaration.
#[derive(Debug)]
pub(super) struct GenericType<'t> {
    /// The name as declared (`Stack`).
    pub name: String,
    /// The type parameters' names.
    pub params: Vec<String>,
    /// The type on the right of the declaration.
    pub type_node: Node<'t>,
    /// The package declaring it.
    pub package: Option<Std>,
    /// Its methods: indices of their (generic) declarations in the package's functions.
    pub methods: Vec<usize>,
    /// Whether it is declared inside a function (and so visible only in its block, through
    /// `Entity::GenericType`, and without methods).
    pub local: bool,
}

impl<'t> Lowerer<'t> {
    /// Records `type Name[P ...] T` inside a function, visible in the innermost block.
    pub fn declare_local_generic_type(&mut self, spec: Node<'t>, name: String) -> Result<()> {
        self.collect_generic_type(spec)?;
        let index = self.instances.types.len() - 1;
        self.instances.types[index].local = true;
        if let Some((_, scope)) = self.scopes.last_mut() {
            scope
                .names
                .insert(name, super::lowerer::Entity::GenericType(index));
        }
        Ok(())
    }

    /// Records `type Name[P ...] T`.
    pub fn collect_generic_type(&mut self, spec: Node<'t>) -> Result<()> {
        let (Some(name), Some(type_node), Some(list)) = (
            spec.child_by_field_name("name"),
            spec.child_by_field_name("type"),
            spec.child_by_field_name("type_parameters"),
        ) else {
            return Err(self.src.error(spec, "malformed generic type declaration"));
        };
        let params = self.type_param_names(list);
        self.instances.types.push(GenericType {
            name: self.src.text_of(name).to_string(),
            params,
            type_node,
            package: self.current,
            methods: Vec::new(),
            local: false,
        });
        Ok(())
    }

    /// The generic type a name denotes in the current package.
    fn generic_type_named(&self, name: &str) -> Option<usize> {
        self.instances
            .types
            .iter()
            .position(|g| g.name == name && g.package == self.current && !g.local)
    }

    /// Attaches the methods declared on generic types (`func (s *Stack[T]) Push(x T)`) to
    /// their types, their receivers' type parameters becoming the methods' own.
    pub fn attach_generic_methods(&mut self) {
        for index in 0..self.pkg.funcs.len() {
            let node = self.pkg.funcs[index].node;
            if node.kind() != "method_declaration" {
                continue;
            }
            let Some((base, arguments)) = self.generic_receiver(node) else {
                continue;
            };
            let package = self.pkg.funcs[index].package;
            let generic = self.in_package(package, |lowerer| lowerer.generic_type_named(base));
            let Some(generic) = generic else {
                continue;
            };
            self.pkg.funcs[index].type_params = arguments;
            self.instances.types[generic].methods.push(index);
        }
    }

    /// For a method whose receiver is `Name[A, B]` or `*Name[A, B]`: the name and the
    /// receiver's type parameter names.
    fn generic_receiver(&self, node: Node<'t>) -> Option<(&'t str, Vec<String>)> {
        let receiver = named_children(node.child_by_field_name("receiver")?)
            .into_iter()
            .next()?;
        let mut type_node = receiver.child_by_field_name("type")?;
        if type_node.kind() == "pointer_type" {
            type_node = named_children(type_node).into_iter().next()?;
        }
        if type_node.kind() != "generic_type" {
            return None;
        }
        let base = self.src.text_of(type_node.child_by_field_name("type")?);
        let arguments = named_children(type_node.child_by_field_name("type_arguments")?)
            .into_iter()
            .map(|argument| self.src.text_of(argument).to_string())
            .collect();
        Some((base, arguments))
    }

    /// The type `Name[args]` denotes, when Name is a generic type: its instance.
    pub fn generic_type_instance(
        &mut self,
        base: Node<'t>,
        arguments: &[Node<'t>],
    ) -> Result<Option<Ty>> {
        // `Stack[int]`, or a library package's `atomic.Pointer[int]`.
        let generic = match base.kind() {
            "qualified_type" | "selector_expression" => {
                let Some((package, name)) = self.qualified_name(base) else {
                    return Ok(None);
                };
                let name = self.src.text_of(name);
                self.instances
                    .types
                    .iter()
                    .position(|g| g.name == name && g.package == Some(package))
            }
            _ => match self.lookup_local(self.src.text_of(base)) {
                Some(super::lowerer::Entity::GenericType(index)) => Some(index),
                _ => self.generic_type_named(self.src.text_of(base)),
            },
        };
        let Some(generic) = generic else {
            return Ok(None);
        };
        let expected = self.instances.types[generic].params.len();
        if arguments.len() != expected {
            return Err(self.src.error(
                base,
                format!(
                    "got {} type arguments but {} has {expected} type parameters",
                    arguments.len(),
                    self.src.text_of(base)
                ),
            ));
        }
        let mut args = Vec::new();
        for &argument in arguments {
            args.push(self.resolve_type(argument)?);
        }
        let declaration = &self.instances.types[generic];
        let list = declaration
            .type_node
            .parent()
            .and_then(|spec| spec.child_by_field_name("type_parameters"));
        if let Some(list) = list {
            let package = declaration.package;
            self.check_type_arguments(list, package, &args, arguments)?;
        }
        Ok(Some(Ty::Named(self.instantiate_type(generic, args)?)))
    }

    /// The defined type that instantiates generic type `generic` with `args`, made with its
    /// methods on first use.
    fn instantiate_type(&mut self, generic: usize, args: Vec<Ty>) -> Result<u32> {
        let key = format!("{generic}:{}", Ty::identity_key(&args));
        if let Some(&index) = self.instances.type_keys.get(&key) {
            return Ok(index);
        }
        let declaration = &self.instances.types[generic];
        let shown: Vec<String> = args.iter().map(|ty| self.go_type_name(ty)).collect();
        let base = declaration.name.clone();
        let (params, type_node, package) = (
            declaration.params.clone(),
            declaration.type_node,
            declaration.package,
        );
        let index = self.types.named.len() as u32;
        self.types.named.push(NamedType {
            name: format!("{base}[{}]", shown.join(",")),
            underlying: None,
            methods: Vec::new(),
            package,
        });
        self.instances.type_keys.insert(key, index);
        self.instances
            .origins
            .insert(index, (generic, args.clone()));
        let bindings: Vec<(String, Ty)> = params.into_iter().zip(args.clone()).collect();
        let saved = std::mem::replace(&mut self.type_args, bindings);
        let name = self.types.named[index as usize].name.clone();
        let underlying = self.in_package(package, |lowerer| {
            if type_node.kind() == "struct_type" {
                lowerer.struct_type(type_node, Some(name))
            } else {
                lowerer
                    .resolve_type(type_node)
                    .map(|ty| lowerer.types.underlying(&ty))
            }
        });
        self.type_args = saved;
        self.types.named[index as usize].underlying = Some(underlying?);
        let methods = self.instances.types[generic].methods.clone();
        for method in methods {
            self.instantiate_method(method, index, &base, &args)?;
        }
        Ok(index)
    }

    /// The instance of generic method `method` for the defined type `named`.
    fn instantiate_method(
        &mut self,
        method: usize,
        named: u32,
        base: &str,
        args: &[Ty],
    ) -> Result<()> {
        let (node, package, type_params) = {
            let template = &self.pkg.funcs[method];
            (
                template.node,
                template.package,
                template.type_params.clone(),
            )
        };
        let receiver = named_children(node.child_by_field_name("receiver").unwrap_or(node))
            .into_iter()
            .next()
            .and_then(|r| r.child_by_field_name("type"));
        let pointer = receiver.is_some_and(|t| t.kind() == "pointer_type");
        let method_name = node
            .child_by_field_name("name")
            .map(|n| self.src.text_of(n).to_string())
            .unwrap_or_default();
        let prefix = package.map_or(self.user_package, |p| p.frame_prefix());
        let name = if pointer {
            format!("{prefix}.(*{base}[...]).{method_name}")
        } else {
            format!("{prefix}.{base}[...].{method_name}")
        };
        let id = self.reserve_function();
        let instance = FuncDef {
            name,
            node,
            receiver: Some((named, pointer)),
            sig: Sig {
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            },
            id,
            package,
            type_params,
            type_args: args.to_vec(),
        };
        let at = self.pkg.funcs.len();
        self.pkg.funcs.push(instance);
        self.types.named[named as usize]
            .methods
            .push(super::types::MethodInfo {
                name: method_name,
                func: at,
                pointer,
            });
        self.with_type_args(at, |lowerer| lowerer.resolve_func(at))?;
        self.instances.pending.push(at);
        Ok(())
    }
}
