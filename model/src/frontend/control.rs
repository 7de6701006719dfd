//! Control flow: `if`, `for` (all forms), `switch`, `select`, labels, `break`, `continue`.

use tree_sitter::Node;

use super::lowerer::{Breakable, Lowerer};
use super::package::Std;
use super::syntax::{has_token, named_children, Result};
use super::types::{Ty, INT};
use crate::program::{BinOp, Instr};

impl<'t> Lowerer<'t> {
    /// `if init; cond { } else { }`.
    pub fn if_statement(&mut self, node: Node<'t>) -> Result<()> {
        self.push_scope();
        if let Some(init) = node.child_by_field_name("initializer") {
            self.stmt(init)?;
        }
        let condition = self.required(node, "condition")?;
        let ty = self.expr(condition)?;
        self.require_bool(&ty, condition, "if")?;
        let skip = self.emit_jump(Instr::JumpIfFalse, condition);
        self.block(self.required(node, "consequence")?)?;
        if let Some(alternative) = node.child_by_field_name("alternative") {
            let end = self.emit_jump(Instr::Jump, alternative);
            self.patch_here(skip);
            self.stmt(alternative)?;
            self.patch_here(end);
        } else {
            self.patch_here(skip);
        }
        self.pop_scope();
        Ok(())
    }

    /// The condition of an `if` or `for` statement (`statement`) must be a boolean: "non-boolean
    /// condition in if statement" (types2 stmt.go).
    pub(super) fn require_bool(&self, ty: &Ty, node: Node, statement: &str) -> Result<()> {
        if self.types.underlying(ty) == Ty::Bool {
            Ok(())
        } else {
            Err(self.src.error(
                node,
                format!("non-boolean condition in {statement} statement"),
            ))
        }
    }

    /// A labeled statement: a target of `goto`, and of `break`/`continue` on a `for`, `switch`
    /// or `select`.
    pub fn labeled_statement(&mut self, node: Node<'t>) -> Result<()> {
        let label = self.required(node, "label")?;
        let name = self.src.text_of(label).to_string();
        self.define_label(&name, node)?;
        let Some(statement) = named_children(node)
            .into_iter()
            .find(|n| n.kind() != "label_name")
        else {
            // A label before the closing brace labels an empty statement.
            return Ok(());
        };
        match statement.kind() {
            "for_statement" => self.for_statement(statement, Some(name)),
            "expression_switch_statement" => self.switch_statement(statement, Some(name)),
            "type_switch_statement" => self.type_switch(statement, Some(name)),
            "select_statement" => self.select_statement(statement, Some(name)),
            // Only `goto` can target the label of another statement.
            _ => self.stmt(statement),
        }
    }

    /// `break [L]` / `continue [L]`.
    pub fn branch(&mut self, node: Node<'t>, is_break: bool) -> Result<()> {
        let label_node = named_children(node)
            .into_iter()
            .find(|n| n.kind() == "label_name");
        let label = label_node.map(|n| self.src.text_of(n).to_string());
        let keyword = if is_break { "break" } else { "continue" };
        let target = self
            .builder()
            .breakables
            .iter()
            .rposition(|b| match &label {
                Some(label) => b.label.as_deref() == Some(label.as_str()),
                None => is_break || b.is_loop,
            });
        if let Some(label) = &label {
            self.go_labels.used.insert(label.clone());
        }
        let Some(target) = target else {
            if let Some(message) = label
                .as_deref()
                .filter(|_| self.in_range_body())
                .and_then(|label| self.branch_out_of_range_body(keyword, label))
            {
                return Err(self.src.unsupported(node, message));
            }
            return Err(self.src.error(
                label_node.unwrap_or(node),
                match &label {
                    // go build (1.19): a label declared nowhere in the function is "not
                    // defined"; one declared elsewhere is invalid here.
                    Some(label) if !label_declared(self.src.text, node, label) => {
                        format!("{keyword} label not defined: {label}")
                    }
                    Some(label) => format!("invalid {keyword} label {label}"),
                    None if is_break => "break is not in a loop, switch, or select".to_string(),
                    None => "continue is not in a loop".to_string(),
                },
            ));
        };
        if !is_break && !self.builder().breakables[target].is_loop {
            return Err(self.src.error(
                label_node.unwrap_or(node),
                format!("invalid continue label {}", label.unwrap_or_default()),
            ));
        }
        let jump = self.emit_jump(Instr::Jump, node);
        let breakable = &mut self.builder().breakables[target];
        if is_break {
            breakable.breaks.push(jump);
        } else {
            breakable.continues.push(jump);
        }
        Ok(())
    }

    pub fn push_breakable(&mut self, label: Option<String>, is_loop: bool) {
        self.builder().breakables.push(Breakable {
            label,
            is_loop,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
    }

    /// Closes the innermost breakable statement: breaks go to the next instruction, continues
    /// to `continue_target`.
    pub fn pop_breakable(&mut self, continue_target: u32) {
        let breakable = self
            .builder()
            .breakables
            .pop()
            .expect("internal error: breakable stack");
        for jump in breakable.breaks {
            self.patch_here(jump);
        }
        for jump in breakable.continues {
            self.patch(jump, continue_target);
        }
    }

    /// Every form of `for`.
    pub fn for_statement(&mut self, node: Node<'t>, label: Option<String>) -> Result<()> {
        let body = self.required(node, "body")?;
        let header = named_children(node)
            .into_iter()
            .find(|n| n.id() != body.id());
        self.push_scope();
        match header {
            None => {
                let top = self.here();
                self.push_breakable(label, true);
                self.block(body)?;
                self.emit(Instr::Jump(top), body);
                self.pop_breakable(top);
            }
            Some(clause) if clause.kind() == "for_clause" => {
                let first_var = self.vars.len();
                if let Some(init) = clause.child_by_field_name("initializer") {
                    self.stmt(init)?;
                }
                let depth = self.depth();
                let loop_vars: Vec<u32> = (first_var..self.vars.len())
                    .filter(|&v| self.vars[v].depth == depth && self.vars[v].boxed)
                    .map(|v| self.vars[v].slot)
                    .collect();
                let top = self.here();
                let exit = match clause.child_by_field_name("condition") {
                    Some(condition) => {
                        let ty = self.expr(condition)?;
                        self.require_bool(&ty, condition, "for")?;
                        Some(self.emit_jump(Instr::JumpIfFalse, condition))
                    }
                    None => None,
                };
                self.push_breakable(label, true);
                self.block(body)?;
                let next = self.here();
                // Go 1.22: each iteration has its own copy of the variables the clause declares
                // (before, one variable for the whole loop).
                let per_iteration = self.options.go_minor() >= 22;
                for slot in loop_vars.into_iter().filter(|_| per_iteration) {
                    self.emit(Instr::LoadLocal(slot), clause);
                    self.emit(Instr::Load, clause);
                    self.emit(Instr::NewCell, clause);
                    self.emit(Instr::StoreLocal(slot), clause);
                }
                if let Some(update) = clause.child_by_field_name("update") {
                    self.stmt(update)?;
                }
                self.emit(Instr::Jump(top), clause);
                if let Some(exit) = exit {
                    self.patch_here(exit);
                }
                self.pop_breakable(next);
            }
            Some(clause) if clause.kind() == "range_clause" => {
                self.range(clause, body, label)?;
            }
            Some(condition) => {
                let top = self.here();
                let ty = self.expr(condition)?;
                self.require_bool(&ty, condition, "for")?;
                let exit = self.emit_jump(Instr::JumpIfFalse, condition);
                self.push_breakable(label, true);
                self.block(body)?;
                self.emit(Instr::Jump(top), body);
                self.patch_here(exit);
                self.pop_breakable(top);
            }
        }
        self.pop_scope();
        Ok(())
    }

    /// `for k, v := range x` over an int, slice, array, map or channel.
    /// Before Go 1.22 a `range` declared its variables once for the whole loop: they are
    /// declared here (zero values) and assigned each iteration, and the result says to
    /// assign instead of declare. From Go 1.22 each iteration declares its own.
    pub fn predeclare_range_vars(
        &mut self,
        targets: &[Node<'t>],
        types: &[Ty],
        declare: bool,
        clause: Node<'t>,
    ) -> Result<bool> {
        if !declare || targets.is_empty() || self.options.go_minor() >= 22 {
            return Ok(declare);
        }
        let types = &types[..targets.len().min(types.len())];
        for ty in types {
            self.emit_zero(ty, clause);
        }
        self.bind_from_stack(targets, types, true, clause)?;
        Ok(false)
    }

    fn range(&mut self, clause: Node<'t>, body: Node<'t>, label: Option<String>) -> Result<()> {
        let targets = clause
            .child_by_field_name("left")
            .map(named_children)
            .unwrap_or_default();
        let declare = has_token(clause, ":=");
        let right = self.required(clause, "right")?;
        let ty = self.type_of(right)?;
        // A pointer to an array ranges over the array it points to: its length is the
        // array's (a nil pointer ranges too), its elements are read through it.
        let (shape, through_pointer) = match self.types.underlying(&ty) {
            Ty::Pointer(inner) => match self.types.underlying(&inner) {
                array @ Ty::Array(..) => (array, true),
                _ => (Ty::Pointer(inner), false),
            },
            other => (other, false),
        };
        let collection = self.temp();
        self.expr(right)?;
        self.emit(Instr::StoreLocal(collection), right);
        if let Ty::Chan(direction, element) = &shape {
            if *direction == super::types::ChanDir::Send {
                // types2 stmt.go, rangeKeyVal: ranging receives.
                let description = self.operand_description(right, &ty);
                return Err(self.src.error(
                    right,
                    format!(
                        "cannot range over {} ({description}) (receive from send-only channel)",
                        self.src.text_of(right)
                    ),
                ));
            }
            if let [_, second, ..] = targets[..] {
                let description = self.operand_description(right, &ty);
                return Err(self.src.error(
                    second,
                    format!(
                        "range over {} ({description}) permits only one iteration variable",
                        self.src.text_of(right)
                    ),
                ));
            }
            let (value, ok) = (self.temp(), self.temp());
            let label_id = self.label_of(right);
            let declare =
                self.predeclare_range_vars(&targets, &[(**element).clone()], declare, clause)?;
            let top = self.here();
            self.emit(Instr::LoadLocal(collection), clause);
            self.emit(
                Instr::Recv {
                    label: label_id,
                    with_ok: true,
                },
                clause,
            );
            self.emit(Instr::StoreLocal(ok), clause);
            self.emit(Instr::StoreLocal(value), clause);
            self.emit(Instr::LoadLocal(ok), clause);
            let exit = self.emit_jump(Instr::JumpIfFalse, clause);
            if !targets.is_empty() {
                self.emit(Instr::LoadLocal(value), clause);
                self.bind_from_stack(&targets, &[(**element).clone()], declare, clause)?;
            }
            self.push_breakable(label, true);
            self.block(body)?;
            self.emit(Instr::Jump(top), body);
            self.patch_here(exit);
            self.pop_breakable(top);
            return Ok(());
        }
        // Integer-indexed iteration: over 0..n, a slice or array, or a map's keys (in an order
        // chosen key by key).
        let (key_ty, value_ty) = match &shape {
            Ty::Int(_) => (ty.clone(), None),
            Ty::Slice(element) | Ty::Array(_, element) => (INT, Some((**element).clone())),
            Ty::Map(key, value) => ((**key).clone(), Some((**value).clone())),
            Ty::String => {
                return self.range_string(clause, body, label, &targets, declare, collection)
            }
            Ty::Func(sig) => {
                return self.range_func(
                    clause, body, label, &targets, declare, collection, right, &ty, sig,
                )
            }
            _ => {
                return Err(self.src.error(
                    right,
                    format!(
                        "cannot range over {} ({})",
                        self.src.text_of(right),
                        self.operand_description(right, &ty)
                    ),
                ))
            }
        };
        if targets.len() > 2 || (value_ty.is_none() && targets.len() > 1) {
            return Err(self.src.error(
                clause,
                "range clause permits at most two iteration variables",
            ));
        }
        let (length, index) = (self.temp(), self.temp());
        let keys = if matches!(shape, Ty::Map(..)) {
            let keys = self.temp();
            self.emit(Instr::LoadLocal(collection), clause);
            self.emit(Instr::MapKeys, clause);
            self.emit(Instr::StoreLocal(keys), clause);
            Some(keys)
        } else {
            None
        };
        match (&shape, keys) {
            (Ty::Int(_), _) => self.emit(Instr::LoadLocal(collection), clause),
            (Ty::Array(n, _), _) => self.emit(Instr::PushInt(*n as i64), clause),
            (_, Some(keys)) => {
                self.emit(Instr::LoadLocal(keys), clause);
                self.emit(Instr::Len, clause);
            }
            _ => {
                self.emit(Instr::LoadLocal(collection), clause);
                self.emit(Instr::Len, clause);
            }
        }
        self.emit(Instr::StoreLocal(length), clause);
        self.emit(Instr::PushInt(0), clause);
        self.emit(Instr::StoreLocal(index), clause);
        let mut types = vec![key_ty.clone()];
        types.extend(value_ty.clone());
        let declare = self.predeclare_range_vars(&targets, &types, declare, clause)?;
        let top = self.here();
        self.emit(Instr::LoadLocal(index), clause);
        self.emit(Instr::LoadLocal(length), clause);
        self.emit(Instr::Binary(BinOp::Lt), clause);
        let exit = self.emit_jump(Instr::JumpIfFalse, clause);
        self.push_breakable(label, true);
        let mut skip = None;
        let mut values = Vec::new();
        if let Some(keys) = keys {
            // The key: while more than one is left, which comes next is a choice, as Go
            // leaves the order open (`semantics/maprange.rs`); the last one is simply taken.
            // An entry deleted since the keys were taken is skipped.
            let key = self.temp();
            // A library's own range (context's children on cancel) keeps ascending key
            // order: no model sees it. The maps package's does not: its Keys, Values and
            // DeleteFunc hand the keys to the model.
            let explore = self.current.is_none_or(|package| package == Std::Maps);
            let last = if explore {
                self.emit(Instr::LoadLocal(length), clause);
                self.emit(Instr::LoadLocal(index), clause);
                self.emit(Instr::Binary(BinOp::Sub), clause);
                self.emit(Instr::PushInt(1), clause);
                self.emit(Instr::Binary(BinOp::Gt), clause);
                let last = self.emit_jump(Instr::JumpIfFalse, clause);
                self.emit(Instr::LoadLocal(keys), clause);
                self.emit(Instr::LoadLocal(index), clause);
                self.emit(Instr::MapRangeNext, clause);
                let chosen = self.emit_jump(Instr::Jump, clause);
                self.patch_here(last);
                Some(chosen)
            } else {
                None
            };
            self.emit(Instr::LoadLocal(keys), clause);
            self.emit(Instr::LoadLocal(index), clause);
            self.emit(Instr::Index, clause);
            if let Some(chosen) = last {
                self.patch_here(chosen);
            }
            self.emit(Instr::StoreLocal(key), clause);
            let (value, ok) = (self.temp(), self.temp());
            let zero = self.type_id(value_ty.as_ref().expect("map value type"));
            self.emit(Instr::LoadLocal(collection), clause);
            self.emit(Instr::LoadLocal(key), clause);
            self.emit(Instr::MapIndex(zero), clause);
            self.emit(Instr::StoreLocal(ok), clause);
            self.emit(Instr::StoreLocal(value), clause);
            self.emit(Instr::LoadLocal(ok), clause);
            skip = Some(self.emit_jump(Instr::JumpIfFalse, clause));
            values.push(Instr::LoadLocal(key));
            values.push(Instr::LoadLocal(value));
        }
        if !targets.is_empty() {
            let mut types = vec![key_ty];
            if let Some(value_ty) = value_ty {
                types.push(value_ty);
            }
            types.truncate(targets.len());
            if keys.is_some() {
                for instr in values.iter().take(targets.len()) {
                    self.emit(instr.clone(), clause);
                }
            } else {
                self.emit(Instr::LoadLocal(index), clause);
                let blank_value = targets.get(1).is_some_and(|t| self.src.text_of(*t) == "_");
                if targets.len() == 2 && through_pointer && blank_value {
                    // `for i, _ := range p` reads no element: a nil p does not panic.
                    self.emit(Instr::PushNil, clause);
                } else if targets.len() == 2 {
                    self.emit(Instr::LoadLocal(collection), clause);
                    if through_pointer {
                        self.emit(Instr::Load, clause);
                    }
                    self.emit(Instr::LoadLocal(index), clause);
                    self.emit(Instr::Index, clause);
                }
            }
            if types.len() == 2 && self.types.holds_sync(&types[1]) {
                // The iteration variable is a copy of the element (`go vet`: "range var v
                // copies lock").
                self.emit(Instr::CopySync, clause);
                self.warn_range_copy(targets[1], &types[1]);
            }
            self.bind_from_stack(&targets, &types, declare, clause)?;
        }
        self.block(body)?;
        let next = self.here();
        if let Some(skip) = skip {
            self.patch(skip, next);
        }
        self.emit(Instr::LoadLocal(index), clause);
        self.emit(Instr::PushInt(1), clause);
        self.emit(Instr::Binary(BinOp::Add), clause);
        self.emit(Instr::StoreLocal(index), clause);
        self.emit(Instr::Jump(top), clause);
        self.patch_here(exit);
        self.pop_breakable(next);
        Ok(())
    }
}

/// Whether a statement labelled `label` is declared in the function around `node` (its
/// innermost function declaration or literal).
fn label_declared(text: &str, node: Node, label: &str) -> bool {
    let mut function = node;
    while !matches!(
        function.kind(),
        "function_declaration" | "method_declaration" | "func_literal"
    ) {
        match function.parent() {
            Some(parent) => function = parent,
            None => return true,
        }
    }
    let mut stack = vec![function];
    while let Some(current) = stack.pop() {
        if current.kind() == "labeled_statement" {
            let name = current
                .child_by_field_name("label")
                .and_then(|n| text.get(n.start_byte()..n.end_byte()));
            if name == Some(label) {
                return true;
            }
        }
        // A function literal inside has labels of its own.
        if current != function && current.kind() == "func_literal" {
            continue;
        }
        stack.extend(named_children(current));
    }
    false
}
