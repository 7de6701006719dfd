//! Resolving package-level declarations once they are all collected: aliases, named types
//! (their underlying types and method sets, rejecting invalid recursive structs) and function
//! signatures, in Go's order of dependency rather than of appearance.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::package::PkgEntity;
use super::syntax::{field_children, named_children, Result};
use super::types::{MethodInfo, Sig, Ty, TypeTable};

impl<'t> Lowerer<'t> {
    pub(super) fn resolve_package(&mut self) -> Result<()> {
        // Declared function i is FuncId(i): reserved before resolving the named types, which
        // instantiates the generic types of struct fields (`cfg atomic.Pointer[Config]`) and
        // so reserves their methods' ids after these.
        for _ in 0..self.pkg.funcs.len() {
            self.reserve_function();
        }
        self.attach_generic_methods();
        for (name, type_node, package) in std::mem::take(&mut self.pending_aliases) {
            self.in_package(package, |lowerer| {
                let ty = lowerer.resolve_type(type_node)?;
                lowerer.declare_pkg_name(name, PkgEntity::Type(ty))
            })?;
        }
        self.deferred_constraints = Some(Vec::new());
        for index in 0..self.types.named.len() {
            self.resolve_named(index as u32)?;
        }
        self.check_recursive_structs()?;
        for index in 0..self.pkg.funcs.len() {
            // An instance made above is resolved already, under its type arguments.
            if self.is_generic_template(index) || self.is_instance(index) {
                continue;
            }
            self.resolve_func(index)?;
        }
        // The method sets are complete: the constraints of the instances made so far.
        for check in self.deferred_constraints.take().unwrap_or_default() {
            self.check_type_arguments(check.list, check.package, &check.args, &check.at)?;
        }
        self.apply_overrides()?;
        for index in 0..self.pkg.consts.len() {
            self.const_def_value(index)?;
        }
        for index in 0..self.pkg.globals.len() {
            self.global_type(index)?;
        }
        Ok(())
    }

    /// The underlying type of package-level named type `index`, resolved now if it was not
    /// (the embedded interfaces of an interface type need their method sets before the
    /// types declared after them are resolved: `interface { Closer }`, `io.Closer`).
    pub(super) fn resolve_named(&mut self, index: u32) -> Result<Ty> {
        let package = self.types.named[index as usize].package;
        self.in_package(package, |lowerer| lowerer.resolve_named_here(index))
    }

    fn resolve_named_here(&mut self, index: u32) -> Result<Ty> {
        if let Some(ty) = &self.types.named[index as usize].underlying {
            return Ok(ty.clone());
        }
        let Some(&(_, type_node)) = self.pkg.type_specs.iter().find(|(i, _)| *i == index) else {
            return Ok(super::types::ANY);
        };
        if let Some(from) = self.resolving_named.iter().position(|&i| i == index) {
            let cycle = self.resolving_named[from..].to_vec();
            return Err(self.recursive_type_error(&cycle));
        }
        self.resolving_named.push(index);
        let name = self.types.named[index as usize].name.clone();
        let underlying = if type_node.kind() == "struct_type" {
            self.struct_type(type_node, Some(name))
        } else {
            match self.resolve_type(type_node) {
                Ok(Ty::Named(other)) => self.resolve_named(other),
                other => other,
            }
        };
        self.resolving_named.pop();
        let underlying = underlying?;
        self.types.named[index as usize].underlying = Some(underlying.clone());
        Ok(underlying)
    }

    /// types2's `cycleError` for named types whose underlying types reach themselves
    /// (`type P Q; type Q P`, an interface embedding itself): at the first one's name, each
    /// listed with the one it refers to.
    fn recursive_type_error(&self, cycle: &[u32]) -> super::ModelError {
        let name_node = |index: u32| {
            let (_, type_node) = self
                .pkg
                .type_specs
                .iter()
                .find(|(i, _)| *i == index)
                .copied()
                .expect("internal error: a type in resolution has a specification");
            type_node
                .parent()
                .and_then(|spec| spec.child_by_field_name("name"))
                .unwrap_or(type_node)
        };
        let name = |index: u32| self.types.named[index as usize].name.clone();
        let first = cycle[0];
        if cycle.len() == 1 {
            return self.src.error(
                name_node(first),
                format!("invalid recursive type: {} refers to itself", name(first)),
            );
        }
        let mut message = format!("invalid recursive type {}", name(first));
        for (at, &index) in cycle.iter().chain([&first]).enumerate() {
            let (file, line, col) = self.src.position(name_node(index));
            let suffix = if at < cycle.len() { " refers to" } else { "" };
            message.push_str(&format!("\n\t{file}:{line}:{col}: {}{suffix}", name(index)));
        }
        self.src.error(name_node(first), message)
    }

    /// Refuses struct types that contain themselves by value (their zero value is infinite),
    /// with types2's cycle error: the cycle of named types that hold each other as fields (or
    /// array elements), reported once, at the first of them in source order.
    fn check_recursive_structs(&self) -> Result<()> {
        /// The named types a value of `ty` holds directly: fields, array elements, and the
        /// fields of anonymous structs, not what pointers, slices, maps or channels reach.
        fn held(types: &TypeTable, ty: &Ty, out: &mut Vec<u32>, seen: &mut Vec<u32>) {
            match ty {
                Ty::Named(index) => out.push(*index),
                Ty::Array(_, element) => held(types, element, out, seen),
                Ty::Struct(index) if !seen.contains(index) => {
                    seen.push(*index);
                    for field in &types.structs[*index as usize].fields {
                        held(types, &field.ty, out, seen);
                    }
                }
                _ => {}
            }
        }
        let holds = |index: u32| {
            let mut out = Vec::new();
            if let Some(Ty::Struct(target)) = &self.types.named[index as usize].underlying {
                held(&self.types, &Ty::Struct(*target), &mut out, &mut Vec::new());
            }
            out
        };
        // Depth-first from each type in source order; the first back edge found closes the
        // cycle reported.
        fn find_cycle(start: u32, holds: &dyn Fn(u32) -> Vec<u32>) -> Option<Vec<u32>> {
            let mut path = vec![start];
            let mut pending = vec![holds(start)];
            let mut done = Vec::new();
            while let Some(next) = pending.last_mut() {
                let Some(index) = next.pop() else {
                    done.push(path.pop().expect("path follows pending"));
                    pending.pop();
                    continue;
                };
                if let Some(from) = path.iter().position(|&i| i == index) {
                    return Some(path[from..].to_vec());
                }
                if !done.contains(&index) {
                    path.push(index);
                    pending.push(holds(index));
                }
            }
            None
        }
        for &(index, _) in &self.pkg.type_specs {
            if let Some(cycle) = find_cycle(index, &holds) {
                // Rotated to start at the first type of the cycle in source order.
                let first = self
                    .pkg
                    .type_specs
                    .iter()
                    .position(|(i, _)| cycle.contains(i))
                    .map(|at| self.pkg.type_specs[at].0)
                    .unwrap_or(cycle[0]);
                let at = cycle.iter().position(|&i| i == first).unwrap_or(0);
                let rotated: Vec<u32> = cycle[at..].iter().chain(&cycle[..at]).copied().collect();
                return Err(self.recursive_type_error(&rotated));
            }
        }
        Ok(())
    }

    pub(super) fn resolve_func(&mut self, index: usize) -> Result<()> {
        let package = self.pkg.funcs[index].package;
        self.in_package(package, |lowerer| lowerer.resolve_func_here(index))
    }

    fn resolve_func_here(&mut self, index: usize) -> Result<()> {
        let node = self.pkg.funcs[index].node;
        let params = node.child_by_field_name("parameters");
        let result = node.child_by_field_name("result");
        let (params, variadic) = match params {
            Some(list) => self.parameter_list(list)?,
            None => (Vec::new(), false),
        };
        let results = match result {
            Some(result) => self.result_list(result)?,
            None => Vec::new(),
        };
        self.pkg.funcs[index].sig = Sig {
            params: params.into_iter().map(|(_, ty)| ty).collect(),
            results: results.into_iter().map(|(_, ty)| ty).collect(),
            variadic,
        };
        if node.kind() != "method_declaration" {
            return Ok(());
        }
        let receiver = node
            .child_by_field_name("receiver")
            .map(named_children)
            .unwrap_or_default();
        let [receiver] = receiver.as_slice() else {
            return Err(self
                .src
                .error(node, "method must have exactly one receiver"));
        };
        let Some(mut type_node) = receiver.child_by_field_name("type") else {
            return Err(self.src.error(*receiver, "malformed receiver"));
        };
        let pointer = type_node.kind() == "pointer_type";
        if pointer {
            type_node = named_children(type_node)
                .first()
                .copied()
                .unwrap_or(type_node);
        }
        if type_node.kind() == "generic_type" {
            // An instance of a generic type's method (`frontend/generic_types.rs`): its
            // receiver type and name are set already.
            return match self.pkg.funcs[index].receiver {
                Some(_) => Ok(()),
                None => Err(self.src.error(
                    type_node,
                    "method receiver must be a type declared in the model",
                )),
            };
        }
        if type_node.kind() == "qualified_type" {
            // types2's error for a method on another package's type, at the receiver.
            return Err(self.src.error(
                *receiver,
                format!(
                    "cannot define new methods on non-local type {}",
                    self.src.text_of(type_node)
                ),
            ));
        }
        let named = match self.pkg_name(self.src.text_of(type_node)) {
            Some(PkgEntity::Type(Ty::Named(named))) if type_node.kind() == "type_identifier" => {
                *named
            }
            _ => {
                return Err(self.src.error(
                    type_node,
                    "method receiver must be a type declared in the model",
                ))
            }
        };
        let Some(name_node) = node.child_by_field_name("name") else {
            return Err(self.src.error(node, "method without a name"));
        };
        let name = self.src.text_of(name_node).to_string();
        let type_name = self.types.named[named as usize].name.clone();
        if let Some(previous) = self.types.named[named as usize]
            .methods
            .iter()
            .find(|m| m.name == name)
        {
            // types2's message, with the other declaration's position.
            let node = self.pkg.funcs[previous.func].node;
            let other = node.child_by_field_name("name").unwrap_or(node);
            let (file, line, col) = self.src.position(other);
            return Err(self.src.error(
                name_node,
                format!(
                    "{type_name}.{name} redeclared in this block\n\t{file}:{line}:{col}: other \
                     declaration of {name}"
                ),
            ));
        }
        let methods = &mut self.types.named[named as usize].methods;
        methods.push(MethodInfo {
            name: name.clone(),
            func: index,
            pointer,
        });
        let def = &mut self.pkg.funcs[index];
        def.receiver = Some((named, pointer));
        let prefix = self.package_prefix();
        let def = &mut self.pkg.funcs[index];
        def.name = if pointer {
            format!("{prefix}.(*{type_name}).{name}")
        } else {
            format!("{prefix}.{type_name}.{name}")
        };
        Ok(())
    }

    /// A parameter list: `(name or None, type)` per parameter, and whether it is variadic.
    #[allow(clippy::type_complexity)]
    pub fn parameter_list(
        &mut self,
        list: Node<'t>,
    ) -> Result<(Vec<(Option<Node<'t>>, Ty)>, bool)> {
        let mut out = Vec::new();
        let mut variadic = false;
        for declaration in named_children(list) {
            let Some(type_node) = declaration.child_by_field_name("type") else {
                return Err(self.src.error(declaration, "parameter without a type"));
            };
            let mut ty = self.resolve_type(type_node)?;
            if declaration.kind() == "variadic_parameter_declaration" {
                ty = Ty::Slice(ty.into());
                variadic = true;
            }
            let names: Vec<_> = field_children(declaration, "name")
                .into_iter()
                .filter(|n| n.is_named())
                .collect();
            if names.is_empty() {
                out.push((None, ty));
            } else {
                for name in names {
                    out.push((Some(name), ty.clone()));
                }
            }
        }
        Ok((out, variadic))
    }

    /// A result list: a parameter list or a single type.
    #[allow(clippy::type_complexity)]
    pub fn result_list(&mut self, result: Node<'t>) -> Result<Vec<(Option<Node<'t>>, Ty)>> {
        if result.kind() == "parameter_list" {
            Ok(self.parameter_list(result)?.0)
        } else {
            Ok(vec![(None, self.resolve_type(result)?)])
        }
    }
}
