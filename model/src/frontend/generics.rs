//! Generic functions (Go spec, "Type parameter declarations" and "Instantiations"), as the Go
//! compiler builds them: each instantiation is its own function, lowered from the same
//! declaration with the type parameters bound (`Lowerer::type_args`), and named as Go's
//! tracebacks name it (`main.Map[...]`). Type arguments are given (`Map[int, string](xs, f)`)
//! or inferred from the arguments' types by matching them against the parameters' type syntax
//! (an untyped constant argument gives its default type). The library's stand-ins for generic
//! functions (`sync.OnceValue`) get their signature from the argument the same way (`func_sig`).
//!
//! Generic types and their methods are instantiated the same way (`frontend/generic_types.rs`).
//! A generic function used as a value is `generic_values.rs`'s. Not modelled: constraint
//! checking: gomc trusts that the program compiles with Go, so
//! a type argument outside its constraint is not reported (the instantiated body is still
//! type-checked as ordinary code).

use std::collections::HashMap;

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::package::{FuncDef, Std};
use super::syntax::{named_children, Result};
use super::types::{Sig, Ty, INT};
use crate::program::FloatKind;

/// The instantiations made so far, by generic function and type arguments, and the generic
/// types (`frontend/generic_types.rs`).
#[derive(Debug, Default)]
pub(super) struct Instances<'t> {
    /// (template index, type arguments) → instance index in the package's functions.
    pub by_key: HashMap<String, usize>,
    /// Instances whose bodies are still to be lowered.
    pub pending: Vec<usize>,
    /// The generic types declared.
    pub types: Vec<super::generic_types::GenericType<'t>>,
    /// (generic type, type arguments) → the instance's index among the defined types.
    pub type_keys: HashMap<String, u32>,
    /// A defined type that instantiates a generic type → that type and its arguments.
    pub origins: HashMap<u32, (usize, Vec<Ty>)>,
}

impl<'t> Lowerer<'t> {
    /// The names of a declaration's type parameters, in order.
    pub fn type_param_names(&self, list: Node<'t>) -> Vec<String> {
        named_children(list)
            .into_iter()
            .flat_map(|declaration| {
                let mut cursor = declaration.walk();
                declaration
                    .children_by_field_name("name", &mut cursor)
                    .map(|name| self.src.text_of(name).to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// A call of a generic function with explicit type arguments, in any of the shapes the
    /// grammar gives it (`F[int](x)` parses as an index expression, `F[int, string](x)` as a
    /// type instantiation): the function and the type argument nodes.
    pub fn explicit_instantiation(&self, call: Node<'t>) -> Option<(usize, Vec<Node<'t>>)> {
        if call.kind() == "type_conversion_expression" {
            // `x := F[int](y)` parses as a conversion to a generic type `F[int]`.
            let generic = call.child_by_field_name("type")?;
            if generic.kind() != "generic_type" {
                return None;
            }
            let name = generic.child_by_field_name("type")?;
            let types = named_children(generic.child_by_field_name("type_arguments")?);
            return match self.lookup(self.src.text_of(name)) {
                super::resolve::Name::Pkg(super::package::PkgEntity::Func(index))
                    if self.is_generic_template(index) =>
                {
                    Some((index, types))
                }
                _ => None,
            };
        }
        let function = call.child_by_field_name("function")?;
        let (name, types) = if let Some(list) = call.child_by_field_name("type_arguments") {
            (function, named_children(list))
        } else {
            instantiation_parts(function)?
        };
        if !matches!(name.kind(), "identifier" | "type_identifier") {
            return None;
        }
        match self.lookup(self.src.text_of(name)) {
            super::resolve::Name::Pkg(super::package::PkgEntity::Func(index))
                if self.is_generic_template(index) =>
            {
                Some((index, types))
            }
            _ => None,
        }
    }

    /// Whether function `index` is a generic function's declaration (not an instance).
    pub fn is_generic_template(&self, index: usize) -> bool {
        let def = &self.pkg.funcs[index];
        !def.type_params.is_empty() && def.type_args.is_empty()
    }

    /// Whether function `index` is an instance of a generic function or method (made with
    /// its type arguments, its body queued in `instances.pending`).
    pub fn is_instance(&self, index: usize) -> bool {
        !self.pkg.funcs[index].type_args.is_empty()
    }

    /// The instance of generic function `index` that `call` calls: its type arguments given by
    /// the call or inferred from its arguments; made, its signature resolved and its body
    /// queued for lowering on first use.
    pub fn instantiate(
        &mut self,
        index: usize,
        call: Node<'t>,
        given: &[Node<'t>],
    ) -> Result<usize> {
        let params = self.pkg.funcs[index].type_params.clone();
        let mut bound: Vec<Option<Ty>> = vec![None; params.len()];
        if given.len() > params.len() {
            return Err(self.src.error(
                call,
                format!(
                    "got {} type arguments but {} has {} type parameters",
                    given.len(),
                    self.pkg.funcs[index].name,
                    params.len()
                ),
            ));
        }
        for (slot, &node) in bound.iter_mut().zip(given) {
            *slot = Some(self.resolve_type(node)?);
        }
        self.infer_from_arguments(index, call, &params, &mut bound)?;
        let mut args = Vec::new();
        for (name, ty) in params.iter().zip(bound) {
            let Some(ty) = ty else {
                return Err(self.src.error(
                    call,
                    format!(
                        "in call to {}, cannot infer {name}",
                        self.callee_text(call)?
                    ),
                ));
            };
            args.push(ty);
        }
        // An error about a written type argument is reported at it, about an inferred one at
        // the call's `(` (types2).
        let arguments = call.child_by_field_name("arguments").unwrap_or(call);
        let at: Vec<Node<'t>> = (0..args.len())
            .map(|i| given.get(i).copied().unwrap_or(arguments))
            .collect();
        self.check_constraints(index, &args, &at)?;
        self.instance_with(index, args)
    }

    /// The instance of generic function `index` for type arguments `args` (one per type
    /// parameter): made, its signature resolved and its body queued for lowering on first use.
    pub fn instance_with(&mut self, index: usize, args: Vec<Ty>) -> Result<usize> {
        let params = self.pkg.funcs[index].type_params.clone();
        let key = format!("{index}:{}", Ty::identity_key(&args));
        if let Some(&instance) = self.instances.by_key.get(&key) {
            return Ok(instance);
        }
        let id = self.reserve_function();
        let template = &self.pkg.funcs[index];
        let instance = FuncDef {
            name: format!("{}[...]", template.name),
            node: template.node,
            receiver: None,
            sig: Sig {
                params: Vec::new(),
                results: Vec::new(),
                variadic: false,
            },
            id,
            package: template.package,
            type_params: params.clone(),
            type_args: args,
        };
        let at = self.pkg.funcs.len();
        self.pkg.funcs.push(instance);
        self.instances.by_key.insert(key, at);
        self.with_type_args(at, |lowerer| lowerer.resolve_func(at))?;
        self.instances.pending.push(at);
        Ok(at)
    }

    /// Fills the function id of a generic declaration, which is never called (its instances
    /// are): an empty synthetic function, so that ids stay indices of the package's functions.
    pub fn define_template_placeholder(&mut self, index: usize) {
        let def = &self.pkg.funcs[index];
        let decl = self.src.span(def.node);
        let function = crate::program::Function {
            name: def.name.clone(),
            params: 0,
            results: 0,
            locals: 0,
            captures: 0,
            code: vec![crate::program::Instr::Return],
            spans: vec![decl],
            decl,
            synthetic: true,
            accesses: Vec::new(),
        };
        let id = def.id;
        self.define_function(id, function);
    }

    /// Runs `f` with the type parameters of function `index` bound to its type arguments.
    pub fn with_type_args<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let def = &self.pkg.funcs[index];
        let bindings: Vec<(String, Ty)> = def
            .type_params
            .iter()
            .cloned()
            .zip(def.type_args.iter().cloned())
            .collect();
        let saved = std::mem::replace(&mut self.type_args, bindings);
        let result = f(self);
        self.type_args = saved;
        result
    }

    /// Binds type parameters by matching each parameter's type syntax against its argument's
    /// type.
    /// Binds type parameters by matching the declaration's parameter and result types against
    /// a function type's (a generic function used where that type is expected).
    pub(super) fn unify_with_signature(
        &self,
        index: usize,
        target: &Sig,
        params: &[String],
        bound: &mut [Option<Ty>],
    ) {
        let node = self.pkg.funcs[index].node;
        let mut target_params = target.params.iter();
        if let Some(list) = node.child_by_field_name("parameters") {
            for (type_node, names, _) in parameter_types(list) {
                for _ in 0..names {
                    if let Some(ty) = target_params.next() {
                        self.unify(type_node, ty, params, bound);
                    }
                }
            }
        }
        if let Some(result) = node.child_by_field_name("result") {
            let mut target_results = target.results.iter();
            if result.kind() == "parameter_list" {
                for (type_node, names, _) in parameter_types(result) {
                    for _ in 0..names.max(1) {
                        if let Some(ty) = target_results.next() {
                            self.unify(type_node, ty, params, bound);
                        }
                    }
                }
            } else if let Some(ty) = target_results.next() {
                self.unify(result, ty, params, bound);
            }
        }
    }

    fn infer_from_arguments(
        &mut self,
        index: usize,
        call: Node<'t>,
        params: &[String],
        bound: &mut [Option<Ty>],
    ) -> Result<()> {
        let node = self.pkg.funcs[index].node;
        let Some(list) = node.child_by_field_name("parameters") else {
            return Ok(());
        };
        let arguments = self.arguments(call)?;
        let mut next = 0;
        // Untyped constants bind only what typed arguments leave unbound, the largest kind
        // first (Go 1.21: `Max(1, 2.5)` is float64, `Compare(1, x)` with x float64 too).
        let mut untyped: Vec<(Node<'t>, Ty)> = Vec::new();
        for (type_node, names, variadic) in parameter_types(list) {
            let count = if variadic {
                arguments.len().saturating_sub(next)
            } else {
                names
            };
            for _ in 0..count {
                let Some(&argument) = arguments.get(next) else {
                    return Ok(());
                };
                next += 1;
                if argument.kind() == "variadic_argument" {
                    // `f(xs...)`: the slice's element type is the parameter's.
                    if let Some(inner) = named_children(argument).first() {
                        let slice = self.type_of(*inner)?;
                        if let Ty::Slice(element) = self.types.underlying(&slice) {
                            self.unify(type_node, &element, params, bound);
                        }
                    }
                    continue;
                }
                let ty = self.type_of(argument)?;
                if self.is_untyped_constant(argument, &ty)? {
                    untyped.push((type_node, ty));
                } else {
                    self.unify(type_node, &ty, params, bound);
                }
            }
        }
        // (A rune literal has type int here, so only float outranks int.)
        untyped.sort_by_key(|(_, ty)| !matches!(ty, Ty::Float(_)));
        for (type_node, ty) in untyped {
            self.unify(type_node, &ty, params, bound);
        }
        Ok(())
    }

    /// Whether an argument is an untyped constant (with gomc's approximation elsewhere: a
    /// constant of a default type, `const c int = 2`, counts as one), typed here by `ty`, its
    /// default type.
    fn is_untyped_constant(&mut self, argument: Node<'t>, ty: &Ty) -> Result<bool> {
        let default = matches!(ty, Ty::String | Ty::Bool | Ty::Float(FloatKind::F64)) || *ty == INT;
        Ok(default && self.const_value(argument)?.is_some())
    }

    /// Matches type syntax against a type, binding the type parameters it names.
    fn unify(&self, pattern: Node<'t>, actual: &Ty, params: &[String], bound: &mut [Option<Ty>]) {
        let child = |field: &str| pattern.child_by_field_name(field);
        let first = || named_children(pattern).into_iter().next();
        match (pattern.kind(), actual) {
            ("type_identifier" | "identifier", _) => {
                let text = self.src.text_of(pattern);
                if let Some(at) = params.iter().position(|p| p == text) {
                    if bound[at].is_none() && !matches!(actual, Ty::UntypedNil) {
                        bound[at] = Some(actual.clone());
                    }
                }
            }
            ("parenthesized_type", _) => {
                if let Some(inner) = first() {
                    self.unify(inner, actual, params, bound);
                }
            }
            // A type argument (`V` of `Seq[V]`) is a one-term type element in the syntax.
            ("type_elem", _) => {
                if let [inner] = named_children(pattern)[..] {
                    self.unify(inner, actual, params, bound);
                }
            }
            ("generic_type", Ty::Named(index)) => {
                // `Stack[T]` against an instance of Stack: its arguments, pairwise.
                let Some((_, args)) = self.instances.origins.get(index) else {
                    return;
                };
                let nodes = child("type_arguments")
                    .map(named_children)
                    .unwrap_or_default();
                for (node, ty) in nodes.into_iter().zip(args.clone()) {
                    self.unify(node, &ty, params, bound);
                }
            }
            _ => {
                let shape = self.types.underlying(actual);
                let pairs: Vec<(Option<Node<'t>>, Ty)> = match (pattern.kind(), shape) {
                    ("slice_type", Ty::Slice(element)) => {
                        vec![(child("element"), (*element).clone())]
                    }
                    ("array_type", Ty::Array(_, element)) => {
                        vec![(child("element"), (*element).clone())]
                    }
                    ("pointer_type", Ty::Pointer(element)) => vec![(first(), (*element).clone())],
                    ("channel_type", Ty::Chan(_, element)) => {
                        vec![(child("value"), (*element).clone())]
                    }
                    ("map_type", Ty::Map(key, value)) => vec![
                        (child("key"), (*key).clone()),
                        (child("value"), (*value).clone()),
                    ],
                    ("function_type", Ty::Func(sig)) => {
                        self.unify_signature(pattern, &sig, params, bound);
                        Vec::new()
                    }
                    _ => Vec::new(),
                };
                for (node, ty) in pairs {
                    if let Some(node) = node {
                        self.unify(node, &ty, params, bound);
                    }
                }
            }
        }
    }

    /// Matches a function type's parameters and results against a signature.
    fn unify_signature(
        &self,
        pattern: Node<'t>,
        sig: &Sig,
        params: &[String],
        bound: &mut [Option<Ty>],
    ) {
        let mut types = Vec::new();
        if let Some(list) = pattern.child_by_field_name("parameters") {
            for (type_node, names, _) in parameter_types(list) {
                types.extend(std::iter::repeat_n(type_node, names));
            }
        }
        for (node, ty) in types.into_iter().zip(&sig.params) {
            self.unify(node, ty, params, bound);
        }
        let Some(result) = pattern.child_by_field_name("result") else {
            return;
        };
        let result_types: Vec<Node<'t>> = if result.kind() == "parameter_list" {
            named_children(result)
                .into_iter()
                .filter_map(|d| d.child_by_field_name("type"))
                .collect()
        } else {
            vec![result]
        };
        for (node, ty) in result_types.into_iter().zip(&sig.results) {
            self.unify(node, ty, params, bound);
        }
    }

    /// The signature a call of top-level function `index` is checked against: its own, or for
    /// the library's stand-ins for generic functions (`sync.OnceValue`, `sync.OnceValues`,
    /// whose `stdlib/sync.go` versions take `any`), the one instantiated from the argument.
    pub fn func_sig(&mut self, index: usize, call: Node<'t>) -> Result<Sig> {
        let def = &self.pkg.funcs[index];
        let results = match (def.package, def.name.as_str()) {
            (Some(Std::Sync), "sync.OnceValue") => 1,
            (Some(Std::Sync), "sync.OnceValues") => 2,
            _ => return Ok(def.sig.clone()),
        };
        let name = def.name.clone();
        let arguments = self.arguments(call)?;
        let [argument] = arguments.as_slice() else {
            return Err(self
                .src
                .error(call, format!("wrong number of arguments in call to {name}")));
        };
        let ty = self.type_of(*argument)?;
        match self.types.underlying(&ty) {
            Ty::Func(sig) if sig.params.is_empty() && sig.results.len() == results => Ok(Sig {
                params: vec![ty.clone()],
                results: vec![ty],
                variadic: false,
            }),
            _ => Err(self.src.error(
                *argument,
                format!(
                    "in call to {name}, {} (type {}) does not match {}",
                    self.src.text_of(*argument),
                    self.types.describe(&ty),
                    if results == 1 {
                        "func() T"
                    } else {
                        "func() (T1, T2)"
                    }
                ),
            )),
        }
    }
}

/// Each declaration of a parameter list: its type, how many parameters it declares (`a, b
/// int` is two), and whether it is variadic.
/// The function and the type argument nodes of `F[int]` (an index expression in the grammar)
/// or `F[int, string]` (a type instantiation).
pub(super) fn instantiation_parts(node: Node<'_>) -> Option<(Node<'_>, Vec<Node<'_>>)> {
    match node.kind() {
        "index_expression" => Some((
            node.child_by_field_name("operand")?,
            vec![node.child_by_field_name("index")?],
        )),
        "type_instantiation_expression" => {
            let name = node.child_by_field_name("type")?;
            let types = named_children(node)
                .into_iter()
                .filter(|child| child.id() != name.id())
                .collect();
            Some((name, types))
        }
        _ => None,
    }
}

fn parameter_types(list: Node<'_>) -> Vec<(Node<'_>, usize, bool)> {
    named_children(list)
        .into_iter()
        .filter_map(|declaration| {
            let type_node = declaration.child_by_field_name("type")?;
            let mut cursor = declaration.walk();
            let names = declaration
                .children_by_field_name("name", &mut cursor)
                .count()
                .max(1);
            let variadic = declaration.kind() == "variadic_parameter_declaration";
            Some((type_node, names, variadic))
        })
        .collect()
}
