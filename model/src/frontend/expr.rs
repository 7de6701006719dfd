//! Expressions: each pushes exactly one value (calls may push several through `call`).

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::package::PkgEntity;
use super::resolve::Name;
use super::syntax::{named_children, unparen, Result};
use super::types::Ty;
use super::typing::Selection;
use crate::program::{Instr, UnOp};

impl<'t> Lowerer<'t> {
    /// Lowers a single-valued expression as a value of its own; returns its static type. Where
    /// Go copies a value that holds sync values (reading a variable, field, element or `*p`),
    /// the copy gets sync objects of its own (`Instr::CopySync`, `semantics/copy.rs`).
    pub fn expr(&mut self, node: Node<'t>) -> Result<Ty> {
        let ty = self.expr_uncopied(node)?;
        let inner = super::syntax::unparen(node);
        let reads_memory = match inner.kind() {
            "identifier"
            | "selector_expression"
            | "index_expression"
            | "type_identifier"
            | "qualified_type"
            | "generic_type" => true,
            "unary_expression" => inner
                .child_by_field_name("operator")
                .is_some_and(|operator| self.src.text_of(operator) == "*"),
            _ => false,
        };
        if reads_memory && self.types.holds_sync(&ty) {
            self.emit(Instr::CopySync, node);
            self.warn_copy(node, &ty);
        }
        Ok(ty)
    }

    /// Lowers a single-valued expression without copying the sync values it reads: for an
    /// operand that is only looked into (a field selected, an element indexed, a sync method's
    /// receiver, whose address Go takes).
    pub fn expr_uncopied(&mut self, node: Node<'t>) -> Result<Ty> {
        let place = self.const_place.take();
        if let Some((value, ty)) = self.const_value(node)? {
            let to_float = self.check_int_place(node, &value, &ty, place)?;
            match (&value, self.types.underlying(&ty)) {
                (super::constant::ConstValue::Float(v), Ty::Float(kind)) => {
                    self.emit(Instr::PushFloat(kind, v.to_bits()), node)
                }
                // An untyped integer for a float place goes in as the float64 it is (exact up
                // to float64's precision), not as a machine word: `math.MaxUint64` is not -1.
                (super::constant::ConstValue::Int(v), _)
                    if to_float && num_traits::ToPrimitive::to_i64(v).is_none() =>
                {
                    let bits = value.as_f64().to_bits();
                    self.emit(Instr::PushFloat(crate::program::FloatKind::F64, bits), node)
                }
                _ => self.emit_const(&value, node),
            }
            return Ok(ty);
        }
        match node.kind() {
            "nil" => {
                self.emit(Instr::PushNil, node);
                Ok(Ty::UntypedNil)
            }
            // A name or selector the grammar parsed as a type, in `fns[i](x)` (`indexcall.rs`).
            "identifier" | "type_identifier" | "package_identifier" => self.identifier(node),
            "generic_type" => self.element_value(node),
            "parenthesized_expression" => match named_children(node).first() {
                Some(&inner) => self.expr_uncopied(inner),
                None => Err(self.src.error(node, "empty parentheses")),
            },
            "unary_expression" => self.unary(node),
            "binary_expression" => self.binary(node),
            "call_expression" => {
                let results = self.call(node)?;
                self.single_result(node, &results)
            }
            "selector_expression" | "qualified_type" => {
                let ty = self.type_of(node)?;
                let (operand, field) = Self::selector_parts(node)
                    .ok_or_else(|| self.src.error(node, "malformed selector"))?;
                let name = self.src.text_of(field);
                if let Some(package) = self.package_of(operand) {
                    // A member of a library package written in Go (`context.Canceled`).
                    match self.lib_value(package, name) {
                        Some(PkgEntity::Global(index)) => {
                            let access = self.global_access(index);
                            self.emit_load(access, node);
                        }
                        Some(PkgEntity::Func(index)) => {
                            let func = self.pkg.funcs[index].id;
                            self.emit(Instr::FuncValue(func), node);
                        }
                        _ => return Err(self.unsupported_expression(node)),
                    }
                    return Ok(ty);
                }
                if let Some(receiver) = self.method_expression_receiver(operand)? {
                    return self.method_expression(node, receiver);
                }
                let operand_ty = self.type_of(operand)?;
                if let Ty::Func(sig) = &ty {
                    if self.types.is_interface(&operand_ty) {
                        return self.interface_method_value(node, operand, sig.clone());
                    }
                }
                let steps = match self.lookup_selector(&operand_ty, name, node)? {
                    Some(Selection::Field { steps, .. }) => steps,
                    Some(selection) => return self.method_value(node, operand, selection),
                    None => return Err(self.no_field(node, &operand_ty, name)),
                };
                self.expr_uncopied(operand)?;
                self.narrow_read(&steps, node);
                self.apply_steps(&steps, node);
                Ok(ty)
            }
            "index_expression" | "type_instantiation_expression"
                if self.instance_value(node)?.is_some() =>
            {
                Ok(self.lower_instance_value(node)?.expect("an instantiation"))
            }
            "index_expression" => {
                let operand = self.required(node, "operand")?;
                let index = self.required(node, "index")?;
                self.index_value(node, operand, index)
            }
            "slice_expression" => {
                let ty = self.type_of(node)?;
                let operand = self.required(node, "operand")?;
                let capacity = node.child_by_field_name("capacity");
                let operand_ty = self.type_of(operand)?;
                if capacity.is_some() && self.types.underlying(&operand_ty) == Ty::String {
                    return Err(self.src.error(
                        node,
                        format!(
                            "invalid operation: 3-index slice of string {}",
                            self.src.text_of(operand)
                        ),
                    ));
                }
                match self.types.underlying(&operand_ty) {
                    Ty::Slice(_) | Ty::String => {
                        self.expr(operand)?;
                    }
                    // An array variable (or `*p`) is sliced in place: the slice shares its
                    // elements (`Instr::ArraySlice`).
                    Ty::Array(..) => {
                        let inner = unparen(operand);
                        let is_var_or_deref = inner.kind() == "identifier"
                            || (inner.kind() == "unary_expression"
                                && self.src.text_of(self.required(inner, "operator")?) == "*");
                        if !is_var_or_deref {
                            return Err(self.src.unsupported(
                                node,
                                "slicing an array that is not a variable (make it a slice, or \
                                 slice a variable holding it)",
                            ));
                        }
                        self.address_of(operand)?;
                        self.emit(Instr::ArraySlice, node);
                    }
                    Ty::Pointer(_) => {
                        self.expr(operand)?;
                        self.emit(Instr::ArraySlice, node);
                    }
                    _ => return Err(self.src.error(node, "cannot slice this value")),
                }
                for bound in ["start", "end"] {
                    match node.child_by_field_name(bound) {
                        Some(bound) => {
                            self.expr(bound)?;
                        }
                        None => self.emit(Instr::PushNil, node),
                    }
                }
                match capacity {
                    Some(capacity) => {
                        self.expr(capacity)?;
                        self.emit(Instr::Slice3, node);
                    }
                    None => self.emit(Instr::Slice, node),
                }
                Ok(ty)
            }
            "composite_literal" => {
                let ty = self.composite_type(node)?;
                let body = self.required(node, "body")?;
                self.composite(&ty, body)?;
                Ok(ty)
            }
            "func_literal" => self.func_literal(node),
            "type_assertion_expression" => self.type_assertion(node, false),
            // `F[int](x)` read by the grammar as a conversion: a call of an instance.
            "type_conversion_expression" if self.is_call_read_as_conversion(node) => {
                let results = self.call(node)?;
                self.src.single_value(node, &results)
            }
            "type_conversion_expression" => {
                let type_node = self.required(node, "type")?;
                let operand = self.required(node, "operand")?;
                let ty = self.resolve_type(type_node)?;
                self.conversion(node, &ty, operand)?;
                Ok(ty)
            }
            _ => Err(self.unsupported_expression(node)),
        }
    }

    fn identifier(&mut self, node: Node<'t>) -> Result<Ty> {
        let text = self.src.text_of(node);
        match self.lookup(text) {
            Name::Local(Entity::Var(id)) => {
                let access = self.var_access(id);
                self.emit_load(access, node);
                Ok(self.vars[id].ty.clone())
            }
            Name::Pkg(PkgEntity::Global(index)) => {
                let ty = self.global_type(index)?;
                let access = self.global_access(index);
                self.emit_load(access, node);
                Ok(ty)
            }
            // Go's error: a generic function value needs its type arguments, given or
            // inferred from a function type it is assigned to (`generic_values.rs`).
            Name::Pkg(PkgEntity::Func(index)) if self.is_generic_template(index) => {
                Err(self.src.error(
                    node,
                    format!("cannot use generic function {text} without instantiation"),
                ))
            }
            Name::Pkg(PkgEntity::Func(index)) => {
                let id = self.pkg.funcs[index].id;
                self.emit(Instr::FuncValue(id), node);
                self.type_of(node)
            }
            _ => self.type_of(node).and_then(|_| {
                Err(self
                    .src
                    .error(node, format!("cannot use {text} as a value")))
            }),
        }
    }

    /// `operand[index]` read as a value (of `node`, an index expression or an element
    /// `fns[i]` parsed as a generic type: `indexcall.rs`).
    pub fn index_value(
        &mut self,
        node: Node<'t>,
        operand: Node<'t>,
        index: Node<'t>,
    ) -> Result<Ty> {
        let ty = self.index_type(node, operand)?;
        let operand_ty = self.expr_uncopied(operand)?;
        self.check_index(&operand_ty, index)?;
        match self.types.underlying(&operand_ty) {
            Ty::Map(..) => {
                self.map_key(index, &operand_ty)?;
                let zero = self.type_id(&ty);
                self.emit(Instr::MapIndex(zero), node);
                self.emit(Instr::Pop, node);
            }
            Ty::Pointer(_) => {
                self.emit(Instr::Load, node);
                self.expr(index)?;
                self.emit(Instr::Index, node);
            }
            _ => {
                self.expr(index)?;
                self.emit(Instr::Index, node);
            }
        }
        Ok(ty)
    }

    fn unary(&mut self, node: Node<'t>) -> Result<Ty> {
        let operand = self.required(node, "operand")?;
        let operator = self.src.text_of(self.required(node, "operator")?);
        match operator {
            "&" => {
                let ty = self.type_of(node)?;
                self.address_of(operand)?;
                Ok(ty)
            }
            "*" => {
                let ty = self.type_of(node)?;
                self.expr_uncopied(operand)?;
                self.emit(Instr::Load, node);
                Ok(ty)
            }
            "<-" => {
                let ty = self.type_of(node)?;
                let label = self.label_of(operand);
                self.expr(operand)?;
                self.emit(
                    Instr::Recv {
                        label,
                        with_ok: false,
                    },
                    node,
                );
                Ok(ty)
            }
            "-" | "!" | "^" | "+" => {
                // The operand's type must fit the operator (`typing.rs` says why not).
                self.type_of(node)?;
                let ty = self.expr(operand)?;
                let op = match operator {
                    "-" => Some(UnOp::Neg),
                    "!" => Some(UnOp::Not),
                    "^" => Some(UnOp::BitNot),
                    _ => None,
                };
                if let Some(op) = op {
                    self.emit(Instr::Unary(op), node);
                    self.emit_wrap(&ty, node);
                }
                Ok(ty)
            }
            other => Err(self
                .src
                .unsupported(node, format!("unary operator {other}"))),
        }
    }
}
