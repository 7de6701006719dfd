//! Type assertions (`x.(T)`, `v, ok := x.(T)`) and type switches (Go spec, "Type assertions"
//! and "Type switches"), lowered to `Instr::TypeAssert` and chains of `Instr::TypeIs`.

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};
use super::types::Ty;
use crate::program::{AssertTarget, Instr};

impl<'t> Lowerer<'t> {
    /// What an assertion to `ty` checks at run time.
    pub fn assert_target(&mut self, ty: &Ty, node: Node<'t>) -> AssertTarget {
        if self.types.is_interface(ty) {
            AssertTarget::Interface(self.interface_id(ty))
        } else {
            AssertTarget::Concrete {
                ty: self.dyn_type_id(ty, node),
                zero: self.type_id(ty),
            }
        }
    }

    /// The static type of the operand of an assertion or type switch, which must be an
    /// interface type.
    fn asserted_operand(&mut self, operand: Node<'t>) -> Result<Ty> {
        let ty = self.type_of(operand)?;
        if !self.types.is_interface(&ty) {
            return Err(self.src.error(
                operand,
                format!(
                    "invalid operation: {} (variable of type {}) is not an interface",
                    self.src.text_of(operand),
                    self.types.describe(&ty)
                ),
            ));
        }
        Ok(ty)
    }

    /// A concrete type asserted from an interface must implement it (Go: "impossible type
    /// assertion").
    fn check_possible(&mut self, from: &Ty, to: &Ty, node: Node<'t>) -> Result<()> {
        if self.types.is_interface(to) {
            return Ok(());
        }
        if let Some(missing) = self.missing_method(to, from, node) {
            let reason = self.not_implemented(to, from, &missing, node);
            return Err(self.src.error(
                node,
                format!(
                    "impossible type assertion: {}\n\t{reason}",
                    self.src.text_of(node)
                ),
            ));
        }
        Ok(())
    }

    /// `x.(T)`; with `with_ok`, `x.(T)` in a comma-ok assignment. Returns T.
    pub fn type_assertion(&mut self, node: Node<'t>, with_ok: bool) -> Result<Ty> {
        let operand = self.required(node, "operand")?;
        let from = self.asserted_operand(operand)?;
        let to = self.resolve_type(self.required(node, "type")?)?;
        self.check_possible(&from, &to, node)?;
        self.expr(operand)?;
        let target = self.assert_target(&to, node);
        let from = self.interface_id(&from);
        self.emit(
            Instr::TypeAssert {
                from,
                target,
                with_ok,
            },
            node,
        );
        Ok(to)
    }

    /// `switch [init;] [v :=] x.(type) { case T1, T2: … case nil: … default: … }`.
    pub fn type_switch(&mut self, node: Node<'t>, label: Option<String>) -> Result<()> {
        self.push_scope();
        if let Some(init) = node.child_by_field_name("initializer") {
            self.stmt(init)?;
        }
        let value = self.required(node, "value")?;
        let from = self.asserted_operand(value)?;
        let subject = self.temp();
        self.expr(value)?;
        self.emit(Instr::StoreLocal(subject), value);
        let alias = node
            .child_by_field_name("alias")
            .and_then(|list| named_children(list).first().copied());
        let clauses: Vec<_> = named_children(node)
            .into_iter()
            .filter(|n| matches!(n.kind(), "type_case" | "default_case"))
            .collect();
        // Each clause's types (`None` for `case nil`), and the jumps into it.
        let mut clause_types: Vec<Vec<Option<Ty>>> = Vec::new();
        let mut entries: Vec<Vec<usize>> = vec![Vec::new(); clauses.len()];
        let mut default = None;
        for (i, clause) in clauses.iter().enumerate() {
            let mut types = Vec::new();
            if clause.kind() == "default_case" {
                if let Some(first) = default {
                    return Err(self.multiple_defaults(clauses[first], *clause));
                }
                default = Some(i);
                clause_types.push(types);
                continue;
            }
            let mut cursor = clause.walk();
            let type_nodes: Vec<Node<'t>> = clause
                .children_by_field_name("type", &mut cursor)
                .filter(|n| n.is_named())
                .collect();
            for type_node in type_nodes {
                let ty = if self.src.text_of(type_node) == "nil" {
                    None
                } else {
                    let ty = self.resolve_type(type_node)?;
                    self.check_possible(&from, &ty, type_node)?;
                    Some(ty)
                };
                let target = match &ty {
                    None => AssertTarget::Nil,
                    Some(ty) => self.assert_target(ty, type_node),
                };
                self.emit(Instr::LoadLocal(subject), type_node);
                self.emit(Instr::TypeIs(target), type_node);
                let jump = self.emit_jump(Instr::JumpIfTrue, type_node);
                entries[i].push(jump);
                types.push(ty);
            }
            clause_types.push(types);
        }
        let no_match = self.emit_jump(Instr::Jump, node);
        self.push_breakable(label, false);
        for (i, clause) in clauses.iter().enumerate() {
            self.enter_switch_clause(&entries[i], default == Some(i), no_match);
            self.push_scope();
            if let Some(alias) = alias {
                // In a clause with exactly one type, the variable has that type; otherwise it
                // has the type of the operand.
                self.emit(Instr::LoadLocal(subject), *clause);
                let ty = match clause_types[i].as_slice() {
                    [Some(ty)] => {
                        let ty = ty.clone();
                        let target = self.assert_target(&ty, *clause);
                        let from_id = self.interface_id(&from);
                        self.emit(
                            Instr::TypeAssert {
                                from: from_id,
                                target,
                                with_ok: false,
                            },
                            *clause,
                        );
                        ty
                    }
                    _ => from.clone(),
                };
                let var = self.declare_var(alias, ty)?;
                self.init_var(var, alias);
            }
            let statements: Vec<Node<'t>> = named_children(*clause)
                .into_iter()
                .filter(|n| n.kind() == "statement_list")
                .flat_map(named_children)
                .collect();
            for statement in statements {
                if statement.kind() == "fallthrough_statement" {
                    return Err(self
                        .src
                        .error(statement, "cannot fallthrough in type switch"));
                }
                self.stmt(statement)?;
            }
            self.pop_scope();
            self.leave_switch_clause(*clause);
        }
        self.finish_switch(default.is_none(), no_match);
        Ok(())
    }
}
