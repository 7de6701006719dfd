//! Go's "imported and not used" and "declared but not used" (cmd/compile, types2's
//! `unusedImports` and `usage`).
//!
//! Imports: an import of a user file whose name never occurs in that file is an error at the
//! import. Decided on the syntax tree rather than on resolved uses, so that it can only miss an
//! unused import (one whose name a local declaration reuses), never reject a used one.
//!
//! Variables: a local variable declared by `var`, `:=`, a `range` or `select` clause or a type
//! switch (parameters and results never count) must be used. As in types2, every evaluation of
//! the variable is a use (`x++`, `x += 1`, `x.f = 1`, `a[i] = 1`, `&x` included), and being the
//! whole left side of a plain `=` (or of a `:=` that redeclares it) is not, even inside a
//! closure. Uses are recorded where the lowering reaches a variable (`Lowerer::var_access`), the
//! one road to a local's value, so a read cannot be missed; what is lowered as an access without
//! being a use says so with [`Lowerer::without_use`]. The type switch's clauses declare one
//! variable each, keyed by the same declaring identifier, so a use in any clause counts, as in
//! Go. The earliest unused declaration is the error, as `go build` prints its errors sorted.

use std::collections::HashSet;

use tree_sitter::Node;

use super::literal::string_literal;
use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};

/// The local variables declared and the ones used, by the byte offset of the declaring
/// identifier.
#[derive(Default)]
pub(super) struct VarUses<'t> {
    declared: Vec<Node<'t>>,
    used: HashSet<usize>,
    /// Set while an access that is not a use is lowered.
    suppressed: bool,
}

impl<'t> VarUses<'t> {
    /// Records a declaration that must be used.
    pub fn declared(&mut self, name: Node<'t>) {
        self.declared.push(name);
    }

    /// Records an access of the variable declared at `decl`.
    pub fn accessed(&mut self, decl: usize) {
        if !self.suppressed {
            self.used.insert(decl);
        }
    }
}

impl<'t> Lowerer<'t> {
    /// Runs `lower` with variable accesses not counted as uses: the target of a plain
    /// assignment, a `:=` redeclaration, a closure's capture list.
    pub(super) fn without_use<T>(&mut self, lower: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.var_uses.suppressed, true);
        let result = lower(self);
        self.var_uses.suppressed = outer;
        result
    }

    /// Lowers the place an assignment stores to; an identifier standing alone there (also in
    /// parentheses) is not a use of the variable.
    pub(super) fn assigned_place(&mut self, target: Node<'t>) -> Result<super::place::Place> {
        if super::syntax::unparen(target).kind() == "identifier" {
            self.without_use(|lowerer| lowerer.place(target))
        } else {
            self.place(target)
        }
    }

    /// Go's "x declared but not used" (Go 1.19's wording, which the type-error tests compare
    /// with `go build`) for the earliest local variable never used.
    pub(super) fn check_unused_vars(&self) -> Result<()> {
        let unused = self
            .var_uses
            .declared
            .iter()
            .filter(|name| !self.var_uses.used.contains(&name.start_byte()))
            .min_by_key(|name| name.start_byte());
        match unused {
            Some(&name) => Err(self.src.error(
                name,
                format!("{} declared but not used", self.src.text_of(name)),
            )),
            None => Ok(()),
        }
    }

    /// Reports the first import of the user file `root` that the file never uses.
    pub(super) fn check_unused_imports(&self, root: Node<'t>) -> Result<()> {
        let mut specs = Vec::new();
        for item in named_children(root) {
            if item.kind() != "import_declaration" {
                continue;
            }
            for child in named_children(item) {
                if child.kind() == "import_spec_list" {
                    specs.extend(named_children(child));
                } else {
                    specs.push(child);
                }
            }
        }
        if specs.is_empty() {
            return Ok(());
        }
        let mut used = HashSet::new();
        let mut stack: Vec<Node<'t>> = named_children(root)
            .into_iter()
            .filter(|item| item.kind() != "import_declaration")
            .collect();
        while let Some(node) = stack.pop() {
            if matches!(node.kind(), "identifier" | "package_identifier") {
                used.insert(self.src.text_of(node));
            }
            stack.extend(named_children(node));
        }
        for spec in specs {
            let Some(path_node) = spec.child_by_field_name("path") else {
                continue;
            };
            let Ok(path) = string_literal(self.src.text_of(path_node)) else {
                continue;
            };
            let renamed = spec
                .child_by_field_name("name")
                .filter(|name| name.kind() == "package_identifier")
                .map(|name| self.src.text_of(name));
            let local = match (renamed, super::imports::Std::from_path(&path)) {
                (Some(name), _) => name,
                (None, Some(package)) => package.go_name(),
                (None, None) => continue,
            };
            if !used.contains(local) {
                // Go 1.19's wording, which the type-error tests compare with `go build`.
                let message = match renamed {
                    Some(name) => format!("imported and not used: \"{path}\" as {name}"),
                    None => format!("imported and not used: \"{path}\""),
                };
                return Err(self.src.error(spec, message));
            }
        }
        Ok(())
    }
}
