//! Go's "imported and not used" (cmd/compile, types2's unusedImports): an import of a user
//! file whose name never occurs in that file is an error at the import. Decided on the syntax
//! tree rather than on resolved uses, so that it can only miss an unused import (one whose name
//! a local declaration reuses), never reject a used one.

use std::collections::HashSet;

use tree_sitter::Node;

use super::literal::string_literal;
use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};

impl<'t> Lowerer<'t> {
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
