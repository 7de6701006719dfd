//! Initialization cycles (Go specification, "Package initialization"; the check mirrors
//! cmd/compile/internal/types2/initorder.go of Go 1.23): a package-level variable whose
//! initializer refers to itself, directly or through the functions and methods it mentions, is
//! an error, `initialization cycle for x` with the chain of references, or `initialization
//! cycle: x refers to itself`. go build rejects such a program; gomc must not check it.
//!
//! References are noted while lowering, where names are resolved with their scopes (a local
//! that shadows a package-level name is no reference) and methods with their static receiver
//! types: every package-level variable or function an identifier resolves to, and every
//! method selected on a concrete type (`x.M()`, `x.M`, `T.M`), is a reference of the
//! declaration being lowered (function literals count for the function containing them).
//! Converting a value to an interface refers to none of its methods, as in Go.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::lowerer::Lowerer;
use super::syntax::Result;

/// A package-level declaration an initializer can depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Dep {
    /// Index into `Package::globals`.
    Var(usize),
    /// Index into `Package::funcs` (functions and methods).
    Func(usize),
}

/// What is being lowered, whose references are noted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Referrer {
    /// The initializer of `Package::units[i]`.
    Unit(usize),
    /// The body of `Package::funcs[i]`.
    Func(usize),
}

/// The references noted so far, each referrer's in the order they first occur.
#[derive(Debug, Default)]
pub(super) struct InitDeps {
    current: Option<Referrer>,
    refs: BTreeMap<Referrer, Vec<Dep>>,
    /// The variables whose types are being inferred from their initializers, outermost first.
    pub inferring: Vec<usize>,
}

impl InitDeps {
    /// Notes that the declaration being lowered refers to `dep`.
    pub fn note(cell: &RefCell<InitDeps>, dep: Dep) {
        let mut deps = cell.borrow_mut();
        if let Some(current) = deps.current {
            let refs = deps.refs.entry(current).or_default();
            if !refs.contains(&dep) {
                refs.push(dep);
            }
        }
    }
}

impl<'t> Lowerer<'t> {
    /// Runs `lower` with its references noted as `referrer`'s.
    pub(super) fn referring<T>(
        &mut self,
        referrer: Referrer,
        lower: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let outer = self.init_deps.borrow_mut().current.replace(referrer);
        let result = lower(self);
        self.init_deps.borrow_mut().current = outer;
        result
    }

    /// Notes a method selected on a concrete type as a reference; returns it.
    pub(super) fn referring_to_method(
        &self,
        method: super::types::MethodInfo,
    ) -> super::types::MethodInfo {
        InitDeps::note(&self.init_deps, Dep::Func(method.func));
        method
    }

    /// The cycle met while inferring a variable's type from its initializer (`var a = b + 1;
    /// var b = a`): the variables being inferred from `global` on, which refer to each other
    /// in turn, back to `global`.
    pub(super) fn inference_cycle_error(&self, global: usize) -> super::ModelError {
        let inferring = self.init_deps.borrow().inferring.clone();
        let from = inferring.iter().position(|&g| g == global).unwrap_or(0);
        let mut path: Vec<Dep> = inferring[from..]
            .iter()
            .skip(1)
            .map(|&g| Dep::Var(g))
            .collect();
        path.push(Dep::Var(global));
        self.cycle_error(global, &path)
    }

    /// The first initialization cycle among the model's own variables, in declaration order,
    /// as go build reports it.
    pub(super) fn check_init_cycles(&self) -> Result<()> {
        for global in 0..self.pkg.globals.len() {
            if self.pkg.globals[global].package.is_some() {
                continue;
            }
            let mut seen = Vec::new();
            if let Some(mut path) = self.path_back(Dep::Var(global), Dep::Var(global), &mut seen) {
                path.reverse();
                return Err(self.cycle_error(global, &path));
            }
        }
        Ok(())
    }

    /// The references of a declaration.
    fn deps_of(&self, dep: Dep) -> Vec<Dep> {
        let referrer = match dep {
            Dep::Var(global) => Referrer::Unit(self.pkg.globals[global].unit),
            Dep::Func(func) => Referrer::Func(func),
        };
        let deps = self.init_deps.borrow();
        deps.refs.get(&referrer).cloned().unwrap_or_default()
    }

    /// A path of references from `from` to `to` (types2's `findPath`): `to` first, then back
    /// to `from`'s first reference.
    fn path_back(&self, from: Dep, to: Dep, seen: &mut Vec<Dep>) -> Option<Vec<Dep>> {
        if seen.contains(&from) {
            return None;
        }
        seen.push(from);
        for dep in self.deps_of(from) {
            if dep == to {
                return Some(vec![dep]);
            }
            if let Some(mut path) = self.path_back(dep, to, seen) {
                path.push(dep);
                return Some(path);
            }
        }
        None
    }

    /// types2's `reportCycle`: the cycle from `global` through `path` (whose last element is
    /// `global` again), in the order the references are made.
    fn cycle_error(&self, global: usize, path: &[Dep]) -> super::ModelError {
        let node = self.pkg.globals[global].node;
        let name = self.src.text_of(node);
        if path.len() == 1 {
            return self.src.error(
                node,
                format!("initialization cycle: {name} refers to itself"),
            );
        }
        let mut message = format!("initialization cycle for {name}");
        let mut line = |dep: Dep, refers: bool| {
            let node = match dep {
                Dep::Var(global) => self.pkg.globals[global].node,
                Dep::Func(func) => {
                    let decl = self.pkg.funcs[func].node;
                    decl.child_by_field_name("name").unwrap_or(decl)
                }
            };
            let (file, line, col) = self.src.position(node);
            let suffix = if refers { " refers to" } else { "" };
            message.push_str(&format!(
                "\n\t{file}:{line}:{col}: {}{suffix}",
                self.src.text_of(node)
            ));
        };
        line(Dep::Var(global), true);
        for (at, &dep) in path.iter().enumerate() {
            line(dep, at + 1 < path.len());
        }
        self.src.error(node, message)
    }
}
