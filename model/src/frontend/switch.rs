//! `switch` and `select` statements: expression and tagless switches with `fallthrough`, and
//! select's case table (`program::SelectTable`) with its bodies.

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::{has_token, named_children, unparen, Result};
use super::types::{Ty, FLOAT64, INT};
use crate::program::{BinOp, Instr, SelectCase, SelectCaseKind, SelectId, SelectTable};
use tree_sitter::Node;

/// A receive case's targets, whether `:=` declares them, the element type, and the statement.
type Receive<'t> = (Vec<Node<'t>>, bool, Ty, Node<'t>);

impl<'t> Lowerer<'t> {
    /// Expression and tagless `switch`, with `fallthrough`.
    pub fn switch_statement(&mut self, node: Node<'t>, label: Option<String>) -> Result<()> {
        self.push_scope();
        if let Some(init) = node.child_by_field_name("initializer") {
            self.stmt(init)?;
        }
        let tag = match node.child_by_field_name("value") {
            Some(value) => {
                let temp = self.temp();
                let ty = self.expr(value)?;
                self.emit(Instr::StoreLocal(temp), value);
                Some((temp, ty))
            }
            None => None,
        };
        let clauses: Vec<_> = named_children(node)
            .into_iter()
            .filter(|n| matches!(n.kind(), "expression_case" | "default_case"))
            .collect();
        let mut entries: Vec<Vec<usize>> = vec![Vec::new(); clauses.len()];
        let mut default = None;
        let mut constants = Vec::new();
        for (i, clause) in clauses.iter().enumerate() {
            if clause.kind() == "default_case" {
                if let Some(first) = default {
                    return Err(self.multiple_defaults(clauses[first], *clause));
                }
                default = Some(i);
                continue;
            }
            let values = clause
                .child_by_field_name("value")
                .map(named_children)
                .unwrap_or_default();
            for value in values {
                if let Some((tag, tag_ty)) = &tag {
                    self.check_case_constant(value, tag_ty)?;
                    self.check_duplicate_case(value, &tag_ty.clone(), &mut constants)?;
                    self.emit(Instr::LoadLocal(*tag), value);
                    if self.types.is_interface(tag_ty) {
                        // On an interface tag a case value is compared as an interface value:
                        // boxed with its (default) type, so `case "a"` matches a string "a".
                        self.expr_to(value, tag_ty, "switch case")?;
                    } else {
                        // A case constant takes the tag's type, as in `==`: `case
                        // math.MaxUint64` of a uint64, `case 1e3` of an integer.
                        let tag_ty = tag_ty.clone();
                        self.numeric_operand(value, &tag_ty)?;
                    }
                    self.emit(Instr::Binary(BinOp::Eq), value);
                } else {
                    let ty = self.expr(value)?;
                    let interface_of_bool = self.types.is_interface(&ty)
                        && self.missing_method(&Ty::Bool, &ty, value).is_none();
                    if interface_of_bool {
                        // `case i:` with i an interface: `i == true`, true boxed as a bool.
                        let id = self.dyn_type_id(&Ty::Bool, value);
                        self.emit(Instr::PushBool(true), value);
                        self.emit(Instr::Box(id), value);
                        self.emit(Instr::Binary(BinOp::Eq), value);
                    } else if self.types.underlying(&ty) != Ty::Bool {
                        // types2: a tagless switch compares each case with true.
                        return Err(self.src.error(
                            value,
                            format!(
                                "invalid case {} in switch on true (mismatched types {} and bool)",
                                self.src.text_of(value),
                                self.types.describe(&ty)
                            ),
                        ));
                    }
                }
                let jump = self.emit_jump(Instr::JumpIfTrue, value);
                entries[i].push(jump);
            }
        }
        let no_match = self.emit_jump(Instr::Jump, node);
        self.push_breakable(label, false);
        for (i, clause) in clauses.iter().enumerate() {
            self.enter_switch_clause(&entries[i], default == Some(i), no_match);
            let statements: Vec<Node<'t>> = named_children(*clause)
                .into_iter()
                .filter(|n| n.kind() == "statement_list")
                .flat_map(named_children)
                .collect();
            let falls = statements
                .last()
                .is_some_and(|s| s.kind() == "fallthrough_statement");
            if falls && i + 1 == clauses.len() {
                return Err(self.src.error(
                    *statements.last().expect("last"),
                    "cannot fallthrough final case in switch",
                ));
            }
            self.push_scope();
            let count = statements.len() - usize::from(falls);
            for &statement in &statements[..count] {
                self.stmt(statement)?;
            }
            self.pop_scope();
            if !falls {
                self.leave_switch_clause(*clause);
            }
        }
        self.finish_switch(default.is_none(), no_match);
        Ok(())
    }

    /// The start of a switch clause: where its case jumps land, and, for the default clause,
    /// where no match lands.
    pub fn enter_switch_clause(&mut self, entries: &[usize], is_default: bool, no_match: usize) {
        for &jump in entries {
            self.patch_here(jump);
        }
        if is_default {
            self.patch_here(no_match);
        }
    }

    /// The end of a switch clause's statements: a jump to the end of the switch.
    pub fn leave_switch_clause(&mut self, clause: Node<'t>) {
        let jump = self.emit_jump(Instr::Jump, clause);
        self.builder()
            .breakables
            .last_mut()
            .expect("switch breakable")
            .breaks
            .push(jump);
    }

    /// The end of a switch: without a default clause, no match lands here; then the switch's
    /// breakable and scope end.
    pub fn finish_switch(&mut self, no_default: bool, no_match: usize) {
        if no_default {
            self.patch_here(no_match);
        }
        let end = self.here();
        self.pop_breakable(end);
        self.pop_scope();
    }

    /// `select`: the operands of every case in case order, `Select`, then a branch on the
    /// index of the case taken.
    /// A case value that is an untyped constant of another kind than the tag's type (`case
    /// "pending":` in a switch on an integer enum) is go build's error: Go converts the
    /// constant to the tag's type first (types2's `caseValues`), in Go 1.19's words.
    fn check_case_constant(&mut self, value: Node<'t>, tag_ty: &Ty) -> Result<()> {
        let target = self.types.underlying(tag_ty);
        if self.types.is_interface(tag_ty) {
            return Ok(());
        }
        let value_ty = self.type_of(value)?;
        let untyped =
            matches!(value_ty, Ty::String | Ty::Bool) || value_ty == INT || value_ty == FLOAT64;
        if !untyped {
            return Ok(());
        }
        let Some((constant, _)) = self.const_value(value)? else {
            return Ok(());
        };
        let kind = match (&constant, &target) {
            (ConstValue::Str(_), Ty::String) | (ConstValue::Bool(_), Ty::Bool) => return Ok(()),
            (ConstValue::Int(_) | ConstValue::Float(_), Ty::Int(_) | Ty::Float(_)) => return Ok(()),
            (ConstValue::Str(_), _) => "string",
            (ConstValue::Bool(_), _) => "bool",
            (ConstValue::Int(_), _) if value.kind() == "rune_literal" => "rune",
            (ConstValue::Int(_), _) => "int",
            (ConstValue::Float(_), _) => "float",
        };
        if !matches!(target, Ty::Int(_) | Ty::Float(_) | Ty::String | Ty::Bool) {
            return Ok(());
        }
        Err(self.src.error(
            value,
            format!(
                "cannot convert {} (untyped {kind} constant) to {}",
                self.src.text_of(value),
                self.types.describe(&target)
            ),
        ))
    }

    pub fn select_statement(&mut self, node: Node<'t>, label: Option<String>) -> Result<()> {
        let clauses: Vec<_> = named_children(node)
            .into_iter()
            .filter(|n| matches!(n.kind(), "communication_case" | "default_case"))
            .collect();
        let mut cases = Vec::new();
        let mut has_default = false;
        let mut first_default = None;
        // (receive targets, whether they are declared, element type)
        let mut receives: Vec<Option<Receive<'t>>> = Vec::new();
        for clause in &clauses {
            if clause.kind() == "default_case" {
                if let Some(first) = first_default {
                    return Err(self.multiple_defaults(first, *clause));
                }
                first_default = Some(*clause);
                has_default = true;
                receives.push(None);
                continue;
            }
            let communication = self.required(*clause, "communication")?;
            match communication.kind() {
                "send_statement" => {
                    let channel = self.required(communication, "channel")?;
                    let value = self.required(communication, "value")?;
                    let label = self.label_of(channel);
                    self.send_operands(channel, value)?;
                    cases.push(SelectCase {
                        kind: SelectCaseKind::Send,
                        label,
                    });
                    receives.push(None);
                }
                "receive_statement" => {
                    let right = unparen(self.required(communication, "right")?);
                    let is_receive = right.kind() == "unary_expression"
                        && right
                            .child_by_field_name("operator")
                            .is_some_and(|o| self.src.text_of(o) == "<-");
                    if !is_receive {
                        // types2 (stmt.go) reports at the case's statement: the start of its
                        // left side, or the position of an expression (a binary one's
                        // operator).
                        let at = match communication.child_by_field_name("left") {
                            Some(left) => left,
                            None => right
                                .child_by_field_name("operator")
                                .filter(|_| right.kind() == "binary_expression")
                                .unwrap_or(right),
                        };
                        return Err(self.src.error(
                            at,
                            "select case must be send or receive (possibly with assignment)",
                        ));
                    }
                    let channel = self.required(right, "operand")?;
                    let element = self.type_of(right)?;
                    let label = self.label_of(channel);
                    self.expr(channel)?;
                    cases.push(SelectCase {
                        kind: SelectCaseKind::Recv,
                        label,
                    });
                    let targets = communication
                        .child_by_field_name("left")
                        .map(named_children)
                        .unwrap_or_default();
                    let declare = has_token(communication, ":=");
                    receives.push(Some((targets, declare, element, communication)));
                }
                other => {
                    return Err(self
                        .src
                        .unsupported(communication, format!("select case {other}")))
                }
            }
        }
        let case_count = cases.len() as i64;
        let id = SelectId(self.selects.len() as u32);
        self.selects.push(SelectTable { cases, has_default });
        self.emit(Instr::Select(id), node);
        let (value, ok, index) = (self.temp(), self.temp(), self.temp());
        self.emit(Instr::StoreLocal(index), node);
        self.emit(Instr::StoreLocal(ok), node);
        self.emit(Instr::StoreLocal(value), node);
        self.push_breakable(label, false);
        let mut next_case = 0i64;
        for (clause, receive) in clauses.iter().zip(receives) {
            let number = if clause.kind() == "default_case" {
                case_count
            } else {
                next_case += 1;
                next_case - 1
            };
            self.emit(Instr::LoadLocal(index), *clause);
            self.emit(Instr::PushInt(number), *clause);
            self.emit(Instr::Binary(BinOp::Eq), *clause);
            let skip = self.emit_jump(Instr::JumpIfFalse, *clause);
            self.push_scope();
            if let Some((targets, declare, element, communication)) = receive {
                if !targets.is_empty() {
                    if targets.len() > 2 {
                        return Err(self
                            .src
                            .error(communication, "too many variables in receive"));
                    }
                    let mut types = vec![element];
                    self.emit(Instr::LoadLocal(value), communication);
                    if targets.len() == 2 {
                        types.push(Ty::Bool);
                        self.emit(Instr::LoadLocal(ok), communication);
                    }
                    self.bind_from_stack(&targets, &types, declare, communication)?;
                }
            }
            self.block_statements(*clause)?;
            self.pop_scope();
            let jump = self.emit_jump(Instr::Jump, *clause);
            self.builder()
                .breakables
                .last_mut()
                .expect("select breakable")
                .breaks
                .push(jump);
            self.patch_here(skip);
        }
        let end = self.here();
        self.pop_breakable(end);
        Ok(())
    }
}
