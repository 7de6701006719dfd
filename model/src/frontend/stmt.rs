//! Statements other than the control-flow ones (see `control`).

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::syntax::{named_children, unparen, var_specs, Result};
use super::types::{ChanDir, Ty};
use crate::program::{BinOp, Instr};

impl<'t> Lowerer<'t> {
    /// Lowers a block in a new scope.
    pub fn block(&mut self, node: Node<'t>) -> Result<()> {
        self.push_scope();
        self.block_statements(node)?;
        self.pop_scope();
        Ok(())
    }

    /// Lowers the statements of a block (or of a case clause) in the current scope.
    pub fn block_statements(&mut self, node: Node<'t>) -> Result<()> {
        for child in named_children(node) {
            if child.kind() == "statement_list" {
                for statement in named_children(child) {
                    self.stmt(statement)?;
                }
            } else if node.kind() == "block" {
                self.stmt(child)?;
            }
        }
        Ok(())
    }

    /// Lowers one statement. The operand stack is empty before and after.
    pub fn stmt(&mut self, node: Node<'t>) -> Result<()> {
        match node.kind() {
            "expression_statement" => {
                let expression = named_children(node)
                    .first()
                    .copied()
                    .ok_or_else(|| self.src.error(node, "malformed statement"))?;
                let inner = unparen(expression);
                match inner.kind() {
                    "call_expression" => {
                        self.check_result_used(inner, None)?;
                        let results = self.call(inner)?;
                        for _ in results {
                            self.emit(Instr::Pop, inner);
                        }
                    }
                    // `fns[i](x)`, `Process[int](x)`: calls the grammar reads as conversions.
                    "type_conversion_expression" if self.is_call_read_as_conversion(inner) => {
                        let results = self.call(inner)?;
                        for _ in results {
                            self.emit(Instr::Pop, inner);
                        }
                    }
                    "unary_expression"
                        if inner
                            .child_by_field_name("operator")
                            .is_some_and(|o| self.src.text_of(o) == "<-") =>
                    {
                        self.expr(inner)?;
                        self.emit(Instr::Pop, inner);
                    }
                    _ => {
                        // go build describes the operand: "x (variable of type int) is not used".
                        let description = match self.type_of(inner) {
                            Ok(ty) => self.operand_description(inner, &ty),
                            Err(_) => "value".to_string(),
                        };
                        return Err(self.src.error(
                            node,
                            format!(
                                "{} ({description}) is not used",
                                self.src.text_of(expression)
                            ),
                        ));
                    }
                }
                Ok(())
            }
            "send_statement" => {
                let channel = self.required(node, "channel")?;
                let value = self.required(node, "value")?;
                let label = self.label_of(channel);
                self.send_operands(channel, value)?;
                self.emit(Instr::Send(label), node);
                Ok(())
            }
            "inc_statement" => self.inc_dec(node, BinOp::Add),
            "dec_statement" => self.inc_dec(node, BinOp::Sub),
            "assignment_statement" => self.assignment(node),
            "short_var_declaration" => {
                let left = named_children(self.required(node, "left")?);
                let right = named_children(self.required(node, "right")?);
                self.check_new_variables(node, &left)?;
                let types = self.push_values(&right, left.len(), node, &[], "assignment")?;
                self.bind_from_stack(&left, &types, true, node)
            }
            "var_declaration" => self.local_vars(node),
            "const_declaration" => {
                for (name, value, type_node, iota) in self.const_specs(node)? {
                    let saved = self.iota.replace(iota);
                    let result = self.const_spec_value(name, value, type_node);
                    self.iota = saved;
                    let (value, ty) = result?;
                    let text = self.src.text_of(name);
                    if text != "_" {
                        if let Some((_, scope)) = self.scopes.last_mut() {
                            scope
                                .names
                                .insert(text.to_string(), Entity::Const(value, ty));
                        }
                    }
                }
                Ok(())
            }
            "type_declaration" => self.local_types(node),
            "block" => self.block(node),
            "if_statement" => self.if_statement(node),
            "for_statement" => self.for_statement(node, None),
            "expression_switch_statement" => self.switch_statement(node, None),
            "type_switch_statement" => self.type_switch(node, None),
            "select_statement" => self.select_statement(node, None),
            "labeled_statement" => self.labeled_statement(node),
            "return_statement" => self.return_statement(node),
            "break_statement" => self.branch(node, true),
            "continue_statement" => self.branch(node, false),
            "goto_statement" => self.goto_statement(node),
            "fallthrough_statement" => {
                Err(self.src.error(node, "fallthrough statement out of place"))
            }
            "go_statement" => self.go_or_defer(node, true),
            "defer_statement" => self.go_or_defer(node, false),
            "empty_statement" => Ok(()),
            other => Err(self.src.unsupported(node, format!("statement {other}"))),
        }
    }

    /// `type T ...` inside a function: a defined type (or alias) scoped to the block. Methods
    /// cannot be declared on it (Go allows none inside a function either).
    fn local_types(&mut self, node: Node<'t>) -> Result<()> {
        for spec in named_children(node) {
            if spec.child_by_field_name("type_parameters").is_some() {
                if let Some(name) = spec.child_by_field_name("name") {
                    let name = self.src.text_of(name).to_string();
                    self.declare_local_generic_type(spec, name)?;
                }
                continue;
            }
            let Some((name, type_node)) = self.type_spec_parts(spec)? else {
                continue;
            };
            let text = self.src.text_of(name).to_string();
            if spec.kind() == "type_alias" {
                let ty = self.resolve_type(type_node)?;
                self.declare_local_type(text, ty);
                continue;
            }
            let index = self.types.named.len() as u32;
            self.types.named.push(super::types::NamedType {
                name: text.clone(),
                underlying: None,
                methods: Vec::new(),
                package: self.current,
            });
            // Declared before its type is resolved: `type node struct{ next *node }`.
            self.declare_local_type(text.clone(), Ty::Named(index));
            let underlying = if type_node.kind() == "struct_type" {
                self.struct_type(type_node, Some(text))?
            } else {
                let ty = self.resolve_type(type_node)?;
                self.types.underlying(&ty)
            };
            if underlying == Ty::Named(index) {
                return Err(self.src.error(type_node, "invalid recursive type"));
            }
            self.types.named[index as usize].underlying = Some(underlying);
        }
        Ok(())
    }

    fn declare_local_type(&mut self, name: String, ty: Ty) {
        if name == "_" {
            return;
        }
        if let Some((_, scope)) = self.scopes.last_mut() {
            scope.names.insert(name, Entity::Type(ty));
        }
    }

    /// `var x T`, `var x = e`, `var a, b = f()` inside a function.
    fn local_vars(&mut self, node: Node<'t>) -> Result<()> {
        for (spec, names) in var_specs(node) {
            let declared = match spec.child_by_field_name("type") {
                Some(type_node) => Some(self.resolve_type(type_node)?),
                None => None,
            };
            let values = spec
                .child_by_field_name("value")
                .map(named_children)
                .unwrap_or_default();
            let types = if values.is_empty() {
                let Some(ty) = &declared else {
                    return Err(self.src.error(spec, "missing type or initializer"));
                };
                for _ in &names {
                    self.emit_zero(ty, spec);
                }
                vec![ty.clone(); names.len()]
            } else {
                let targets = match &declared {
                    Some(ty) => vec![ty.clone(); names.len()],
                    None => Vec::new(),
                };
                let types =
                    self.push_values(&values, names.len(), spec, &targets, "variable declaration")?;
                match &declared {
                    Some(ty) => vec![ty.clone(); names.len()],
                    None => types,
                }
            };
            let mut vars = Vec::new();
            for (index, (name, ty)) in names.iter().zip(&types).enumerate() {
                if *ty == Ty::UntypedNil {
                    // go build reports it at the `nil`.
                    let at = values.get(index).copied().unwrap_or(*name);
                    return Err(self
                        .src
                        .error(at, "use of untyped nil in variable declaration"));
                }
                vars.push(self.declare_var(*name, ty.clone())?);
            }
            for (var, name) in vars.into_iter().zip(&names).rev() {
                self.init_var(var, *name);
            }
        }
        Ok(())
    }

    /// Pushes the channel and the value of a send (a statement or a `select` case), checked
    /// as Go does: a channel that may be sent on, and a value assignable to its element type.
    pub fn send_operands(&mut self, channel: Node<'t>, value: Node<'t>) -> Result<()> {
        let channel_ty = self.expr(channel)?;
        let element = match self.types.underlying(&channel_ty) {
            Ty::Chan(ChanDir::Recv, _) => {
                return Err(self.src.error(
                    channel.parent().unwrap_or(channel),
                    format!(
                        "invalid operation: cannot send to receive-only channel {} ({})",
                        self.src.text_of(channel),
                        self.operand_description(channel, &channel_ty)
                    ),
                ))
            }
            Ty::Chan(_, element) => (*element).clone(),
            _ => {
                return Err(self.src.error(
                    channel,
                    format!(
                        "invalid operation: cannot send to non-channel {} (variable of type {})",
                        self.src.text_of(channel),
                        self.types.describe(&channel_ty)
                    ),
                ))
            }
        };
        self.expr_to(value, &element, "send")?;
        Ok(())
    }

    /// `return`, `return e1, e2`, `return f()`.
    fn return_statement(&mut self, node: Node<'t>) -> Result<()> {
        if let Some(context) = self.builder().range_body.clone() {
            return self.range_body_return(node, context);
        }
        let wanted = self.builder().result_types.clone();
        let named = self.builder().named_results;
        if self.push_return_values(node, &wanted, named)? {
            self.store_results(wanted.len(), node);
        }
        self.emit(Instr::Return, node);
        Ok(())
    }

    /// Pushes the values of a `return` statement for results of types `wanted`, with Go's
    /// count errors; false for a bare `return` (allowed when the results are `named` or none).
    pub(super) fn push_return_values(
        &mut self,
        node: Node<'t>,
        wanted: &[Ty],
        named: bool,
    ) -> Result<bool> {
        let values = named_children(node)
            .into_iter()
            .find(|n| n.kind() == "expression_list")
            .map(named_children)
            .unwrap_or_default();
        if values.is_empty() && !wanted.is_empty() && !named {
            return Err(self.count_mismatch(node, &values, wanted, false, "return values"));
        }
        if values.is_empty() {
            return Ok(false);
        }
        let count = wanted.len();
        let single_call =
            matches!(values.as_slice(), [value] if unparen(*value).kind() == "call_expression");
        if values.len() != count && !single_call {
            return Err(self.count_mismatch(node, &values, wanted, false, "return values"));
        }
        let pushed = if values.len() == count {
            for (&value, target) in values.iter().zip(wanted) {
                self.expr_to(value, target, "return statement")?;
            }
            count
        } else {
            self.call(unparen(values[0]))?.len()
        };
        if pushed != count {
            return Err(self.src.error(
                node,
                format!("wrong number of return values: have {pushed}, want {count}"),
            ));
        }
        Ok(true)
    }

    /// Pops `count` result values into the result slots of the function being built (through
    /// the cell of a result that lives in one).
    pub(super) fn store_results(&mut self, count: usize, node: Node) {
        let builder = self.builder();
        let (params, cells) = (builder.params, builder.result_cells);
        for index in (0..count as u32).rev() {
            if cells & (1 << index) != 0 {
                let value = self.temp();
                self.emit(Instr::StoreLocal(value), node);
                self.emit(Instr::LoadLocal(params + index), node);
                self.emit(Instr::LoadLocal(value), node);
                self.emit(Instr::Store, node);
            } else {
                self.emit(Instr::StoreLocal(params + index), node);
            }
        }
    }
}
