//! `goto` and the labels of a function (Go spec, "Goto statements" and "Label scopes"): a
//! jump to the label's statement, resolved when the function body is done, with `go build`'s
//! errors for a label not defined, a label not used, a jump into a block, and a forward jump
//! over a variable declaration of the label's block.

use std::collections::HashSet;

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};
use crate::program::Instr;

/// The labels and `goto`s of the function being lowered (labels are function-scoped: a
/// function literal has its own).
#[derive(Debug, Default)]
pub(super) struct Labels<'t> {
    /// Each label: its name, the first instruction of its statement, the labeled statement.
    pub defined: Vec<(String, u32, Node<'t>)>,
    /// Each `goto`: the label it names, its jump instruction, the statement.
    pub gotos: Vec<(String, usize, Node<'t>)>,
    /// Labels a `goto`, `break` or `continue` names.
    pub used: HashSet<String>,
}

impl<'t> Lowerer<'t> {
    /// Records a label at the current instruction (before its statement is lowered).
    pub fn define_label(&mut self, name: &str, statement: Node<'t>) -> Result<()> {
        if self.go_labels.defined.iter().any(|(n, _, _)| n == name) {
            let label = statement.child_by_field_name("label").unwrap_or(statement);
            return Err(self
                .src
                .error(label, format!("label {name} already defined")));
        }
        let here = self.here();
        self.go_labels
            .defined
            .push((name.to_string(), here, statement));
        Ok(())
    }

    /// `goto L`: a jump, patched once the function's labels are all known.
    pub fn goto_statement(&mut self, node: Node<'t>) -> Result<()> {
        let Some(label) = named_children(node)
            .into_iter()
            .find(|n| n.kind() == "label_name")
        else {
            return Err(self.src.error(node, "goto without a label"));
        };
        let name = self.src.text_of(label).to_string();
        if self.in_range_body() {
            return Err(self
                .src
                .unsupported(node, "goto in the body of a range over a function"));
        }
        self.go_labels.used.insert(name.clone());
        let jump = self.emit_jump(Instr::Jump, node);
        self.go_labels.gotos.push((name, jump, node));
        Ok(())
    }

    /// Runs `lower` with a fresh set of labels, then patches its `goto`s and checks its labels.
    pub fn with_labels<R>(&mut self, lower: impl FnOnce(&mut Self) -> Result<R>) -> Result<R> {
        let saved = std::mem::take(&mut self.go_labels);
        let result = lower(self).and_then(|value| self.resolve_gotos().map(|()| value));
        self.go_labels = saved;
        result
    }

    fn resolve_gotos(&mut self) -> Result<()> {
        let labels = std::mem::take(&mut self.go_labels);
        // go build reports the first error in source order.
        let mut errors = Vec::new();
        for (name, jump, node) in &labels.gotos {
            let at = named_children(*node)
                .into_iter()
                .find(|n| n.kind() == "label_name")
                .unwrap_or(*node);
            let Some((_, target, statement)) = labels.defined.iter().find(|(n, _, _)| n == name)
            else {
                errors.push((
                    at.start_byte(),
                    self.src.error(at, format!("label {name} not defined")),
                ));
                continue;
            };
            if let Err(error) = self.check_goto(name, *node, at, *statement) {
                errors.push((at.start_byte(), error));
                continue;
            }
            self.patch(*jump, *target);
        }
        for (name, _, statement) in &labels.defined {
            if !labels.used.contains(name) {
                let label = statement.child_by_field_name("label").unwrap_or(*statement);
                errors.push((
                    label.start_byte(),
                    self.src
                        .error(label, format!("label {name} defined and not used")),
                ));
            }
        }
        match errors.into_iter().min_by_key(|(at, _)| *at) {
            Some((_, error)) => Err(error),
            None => Ok(()),
        }
    }

    /// Go's rules for a jump from `goto` to the labeled `statement`: not into a block, and,
    /// forward, not over a variable declaration of the label's block.
    fn check_goto(
        &self,
        name: &str,
        goto: Node<'t>,
        at: Node<'t>,
        statement: Node<'t>,
    ) -> Result<()> {
        let Some(container) = statement.parent() else {
            return Ok(());
        };
        // The statement of the label's block that holds the goto, if the block encloses it.
        let mut inner = goto;
        while inner.parent().is_some_and(|p| p.id() != container.id()) {
            inner = inner.parent().expect("checked");
        }
        if inner.parent().is_none() {
            let block = if container.kind() == "statement_list" {
                container.parent().unwrap_or(container)
            } else {
                container
            };
            let (file, line, col) = self.src.position(block);
            return Err(self.src.error(
                at,
                format!("goto {name} jumps into block starting at {file}:{line}:{col}"),
            ));
        }
        if inner.start_byte() > statement.start_byte() {
            return Ok(());
        }
        for between in named_children(container) {
            if between.start_byte() <= inner.start_byte()
                || between.start_byte() >= statement.start_byte()
            {
                continue;
            }
            let declared = match between.kind() {
                "short_var_declaration" => between
                    .child_by_field_name("left")
                    .and_then(|left| named_children(left).into_iter().next())
                    .map(|first| (first, between.child(1).unwrap_or(between))),
                "var_declaration" => named_children(between)
                    .into_iter()
                    .next()
                    .and_then(|spec| spec.child_by_field_name("name"))
                    .map(|first| (first, first)),
                _ => None,
            };
            if let Some((variable, position)) = declared {
                let (file, line, col) = self.src.position(position);
                return Err(self.src.error(
                    at,
                    format!(
                        "goto {name} jumps over declaration of {} at {file}:{line}:{col}",
                        self.src.text_of(variable)
                    ),
                ));
            }
        }
        Ok(())
    }
}
