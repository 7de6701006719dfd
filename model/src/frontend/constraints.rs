//! Type arguments checked against their constraints (Go spec, "Satisfying a type constraint";
//! types2 instantiate.go, `implements`): a type argument must be in the constraint's type set
//! (each union of terms, `~int | ~float64`, holds it: `~T` by underlying type, `T` by
//! identity, embedded constraints likewise), have its methods, and for `comparable` be
//! comparable. Errors are Go 1.19's ("bool does not implement Number (bool missing in ~int |
//! ~float64)"), at the type argument when it is written and at the call's `(` when it is
//! inferred. The rest of gomc keeps a constraint's methods only (README, Generics); this
//! reads the type sets from the constraint's syntax.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{named_children, unparen, Result};
use super::types::Ty;
use super::typing::Selection;

/// How deep embedded constraints may nest before the check gives up (they cannot cycle in a
/// program go build accepts; the bound guards the recursion).
const MAX_EMBEDDING: u32 = 16;

/// An interface's body and the bindings of the type parameters it mentions (those of a
/// generic interface instantiated as a constraint: `HasP[P]`).
/// It is named in messages as the instance: `HasP[int64]`, as go build names it.
type BoundBody<'t> = (Node<'t>, Vec<(String, Ty)>, Option<String>);

/// A check of type arguments left for when the package's method sets are known.
pub(super) struct DeferredCheck<'t> {
    pub list: Node<'t>,
    pub package: Option<super::imports::Std>,
    pub args: Vec<Ty>,
    pub at: Vec<Node<'t>>,
}

impl<'t> Lowerer<'t> {
    /// Checks the type arguments `args` of generic function `index` against the constraints
    /// of its type parameters; `at[i]` is where an error about argument i is reported.
    pub fn check_constraints(&mut self, index: usize, args: &[Ty], at: &[Node<'t>]) -> Result<()> {
        let node = self.pkg.funcs[index].node;
        let package = self.pkg.funcs[index].package;
        match node.child_by_field_name("type_parameters") {
            Some(list) => self.check_type_arguments(list, package, args, at),
            None => Ok(()),
        }
    }

    /// Checks type arguments `args` against the type parameters declared by `list` (a
    /// `type_parameter_list` of package `package`, a function's or a generic type's).
    pub fn check_type_arguments(
        &mut self,
        list: Node<'t>,
        package: Option<super::imports::Std>,
        args: &[Ty],
        at: &[Node<'t>],
    ) -> Result<()> {
        if let Some(deferred) = &mut self.deferred_constraints {
            deferred.push(DeferredCheck {
                list,
                package,
                args: args.to_vec(),
                at: at.to_vec(),
            });
            return Ok(());
        }
        // A constraint may name the type parameters declared with it (`[P Num, T HasP[P]]`):
        // they stand for their arguments while the constraints are checked.
        let mut bindings = Vec::new();
        for declaration in named_children(list) {
            let mut cursor = declaration.walk();
            for name in declaration.children_by_field_name("name", &mut cursor) {
                if let Some(arg) = args.get(bindings.len()) {
                    bindings.push((self.src.text_of(name).to_string(), arg.clone()));
                }
            }
        }
        let saved = std::mem::replace(&mut self.type_args, bindings);
        let result = self.check_bound_type_arguments(list, package, args, at);
        self.type_args = saved;
        result
    }

    fn check_bound_type_arguments(
        &mut self,
        list: Node<'t>,
        package: Option<super::imports::Std>,
        args: &[Ty],
        at: &[Node<'t>],
    ) -> Result<()> {
        let mut position = 0;
        for declaration in named_children(list) {
            let mut cursor = declaration.walk();
            let names = declaration
                .children_by_field_name("name", &mut cursor)
                .count();
            let Some(constraint) = declaration.child_by_field_name("type") else {
                position += names;
                continue;
            };
            for _ in 0..names {
                if let (Some(arg), Some(&report)) = (args.get(position), at.get(position)) {
                    let why = self.in_package(package, |lowerer| {
                        lowerer.unsatisfied(arg, constraint, MAX_EMBEDDING)
                    })?;
                    if let Some(why) = why {
                        return Err(self.src.error(report, why));
                    }
                }
                position += 1;
            }
        }
        Ok(())
    }

    /// Why `arg` does not satisfy the constraint written at `constraint` (a `type_constraint`,
    /// or a type in an interface), or `None` when it does.
    fn unsatisfied(
        &mut self,
        arg: &Ty,
        constraint: Node<'t>,
        depth: u32,
    ) -> Result<Option<String>> {
        let terms = named_children(constraint);
        let name = self.types.describe(arg);
        if let [single] = terms[..] {
            let single = unparen(single);
            if single.kind() != "negated_type" {
                let text = self.src.text_of(single);
                match text {
                    "any" => return Ok(None),
                    "comparable" => {
                        return Ok((!self.comparable_argument(arg))
                            .then(|| format!("{name} does not implement comparable")));
                    }
                    _ => {}
                }
                if let Some(body) = self.interface_syntax(single)? {
                    return self.unsatisfied_bound_interface(arg, body, text, depth);
                }
            }
        }
        // A union written in place: `[T ~int | ~string]`.
        if self.in_union(arg, &terms, depth)? {
            return Ok(None);
        }
        let written: Vec<&str> = terms.iter().map(|t| self.src.text_of(*t)).collect();
        Ok(Some(format!(
            "{name} does not implement {} ({name} missing in {})",
            written.join("|"),
            written.join(" | ")
        )))
    }

    /// `arg` against an interface's body: each of its unions, embedded constraints and
    /// methods.
    fn unsatisfied_interface(
        &mut self,
        arg: &Ty,
        body: Node<'t>,
        written: &str,
        depth: u32,
    ) -> Result<Option<String>> {
        let name = self.types.describe(arg);
        for element in named_children(body) {
            match element.kind() {
                "type_elem" => {
                    let terms = named_children(element);
                    if self.in_union(arg, &terms, depth)? {
                        continue;
                    }
                    let list: Vec<&str> = terms.iter().map(|t| self.src.text_of(*t)).collect();
                    return Ok(Some(format!(
                        "{name} does not implement {written} ({name} missing in {})",
                        list.join(" | ")
                    )));
                }
                "method_elem" => {
                    let Some(method) = element.child_by_field_name("name") else {
                        continue;
                    };
                    let method = self.src.text_of(method).to_string();
                    let why = match self.lookup_selector(arg, &method, element)? {
                        Some(Selection::Method {
                            method: info, at, ..
                        }) if info.pointer && !matches!(at, Ty::Pointer(_)) => {
                            Some(format!("{method} method has pointer receiver"))
                        }
                        Some(_) => None,
                        None => Some(format!("missing {method} method")),
                    };
                    if let Some(why) = why {
                        return Ok(Some(format!("{name} does not implement {written} ({why})")));
                    }
                }
                _ => {}
            }
        }
        Ok(None)
    }

    /// Whether one of the union's terms holds `arg`: `~T` when the underlying types are
    /// identical, `T` when the types are, an embedded constraint when `arg` satisfies it.
    fn in_union(&mut self, arg: &Ty, terms: &[Node<'t>], depth: u32) -> Result<bool> {
        for &term in terms {
            let term = unparen(term);
            if term.kind() == "negated_type" {
                let Some(inner) = named_children(term).into_iter().next() else {
                    continue;
                };
                let ty = self.resolve_type(inner)?;
                if self.types.underlying(&ty) == self.types.underlying(arg) {
                    return Ok(true);
                }
                continue;
            }
            // `any` and `comparable` as terms or embedded (`interface{ M(); comparable }`).
            match self.src.text_of(term) {
                "any" => return Ok(true),
                "comparable" if self.comparable_argument(arg) => return Ok(true),
                "comparable" => continue,
                _ => {}
            }
            if depth > 0 {
                if let Some(body) = self.interface_syntax(term)? {
                    let written = self.src.text_of(term).to_string();
                    if self
                        .unsatisfied_bound_interface(arg, body, &written, depth - 1)?
                        .is_none()
                    {
                        return Ok(true);
                    }
                    continue;
                }
            }
            if self.resolve_type(term)? == *arg {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The `interface_type` syntax a constraint names: written in place, or the declaration
    /// of a named interface (in the model or a library package); `None` for other types.
    fn interface_syntax(&mut self, node: Node<'t>) -> Result<Option<BoundBody<'t>>> {
        if node.kind() == "interface_type" {
            return Ok(Some((node, Vec::new(), None)));
        }
        if !matches!(
            node.kind(),
            "type_identifier" | "identifier" | "qualified_type" | "selector_expression"
        ) {
            // An instance of a generic interface (`HasP[P]`): the generic's body, its type
            // parameters bound to the instance's arguments while it is read.
            if node.kind() == "generic_type" {
                return self.generic_interface_syntax(node);
            }
            return Ok(None);
        }
        let Ty::Named(index) = self.resolve_type(node)? else {
            return Ok(None);
        };
        Ok(self
            .pkg
            .type_specs
            .iter()
            .find(|(i, _)| *i == index)
            .map(|&(_, spec)| spec)
            .filter(|spec| spec.kind() == "interface_type")
            .map(|spec| (spec, Vec::new(), None)))
    }

    /// `HasP[P]` as a constraint: the body of the generic interface, with its type parameters
    /// bound to the instance's arguments (resolved, and so checked, in the current bindings).
    fn generic_interface_syntax(&mut self, node: Node<'t>) -> Result<Option<BoundBody<'t>>> {
        let Ty::Named(index) = self.resolve_type(node)? else {
            return Ok(None);
        };
        let Some((generic, args)) = self.instances.origins.get(&index).cloned() else {
            return Ok(None);
        };
        let declaration = &self.instances.types[generic];
        if declaration.type_node.kind() != "interface_type" {
            return Ok(None);
        }
        let bindings = declaration.params.iter().cloned().zip(args).collect();
        let name = self.types.describe(&Ty::Named(index));
        Ok(Some((declaration.type_node, bindings, Some(name))))
    }

    /// `unsatisfied_interface` with the type parameters of a generic interface bound.
    fn unsatisfied_bound_interface(
        &mut self,
        arg: &Ty,
        (body, bindings, name): BoundBody<'t>,
        written: &str,
        depth: u32,
    ) -> Result<Option<String>> {
        let saved = self.type_args.clone();
        self.type_args.extend(bindings);
        let written = name.as_deref().unwrap_or(written);
        let result = self.unsatisfied_interface(arg, body, written, depth);
        self.type_args = saved;
        result
    }

    /// `comparable` as Go 1.20 and later define it: strictly comparable types and interfaces.
    fn comparable_argument(&self, arg: &Ty) -> bool {
        if self.types.is_interface(arg) {
            return true;
        }
        !matches!(
            self.types.underlying(arg),
            Ty::Func(_) | Ty::Slice(_) | Ty::Map(..)
        ) && self.incomparable_part(arg).is_none()
    }
}
