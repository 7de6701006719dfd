//! Composite literals (Go spec, "Composite literals"): struct, array, slice and map literals,
//! keyed and positional elements, elided element types, and `&T{...}`.

use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};
use super::types::Ty;
use crate::program::Instr;
use tree_sitter::Node;

impl<'t> Lowerer<'t> {
    /// The type of a composite literal; `[...]T{...}` gets the length of its elements.
    pub fn composite_type(&mut self, node: Node<'t>) -> Result<Ty> {
        let type_node = self.required(node, "type")?;
        if type_node.kind() != "implicit_length_array_type" {
            return self.resolve_type(type_node);
        }
        let element_node = self.required(type_node, "element")?;
        let element = self.resolve_type(element_node)?;
        let body = self.required(node, "body")?;
        let positions = self.array_positions(&named_children(body), None)?;
        let length = positions.iter().map(|p| p + 1).max().unwrap_or(0);
        Ok(Ty::Array(length as u32, element.into()))
    }

    /// The index each element of an array literal initializes (`{a, b}`, `{2: c, d}`);
    /// checks them against the length when it is known.
    fn array_positions(
        &mut self,
        elements: &[Node<'t>],
        length: Option<u32>,
    ) -> Result<Vec<usize>> {
        let mut positions = Vec::new();
        let mut next = 0usize;
        for element in elements {
            if element.kind() == "keyed_element" {
                let key = self.required(*element, "key")?;
                let key = if key.kind() == "literal_element" {
                    named_children(key).first().copied().unwrap_or(key)
                } else {
                    key
                };
                match self
                    .const_value(key)?
                    .and_then(|(value, _)| value.as_index())
                {
                    Some(index) => {
                        next = index as usize;
                    }
                    _ => {
                        return Err(self
                            .src
                            .error(key, "index must be non-negative integer constant"))
                    }
                }
            }
            if length.is_some_and(|length| next >= length as usize) {
                return Err(self.src.error(
                    *element,
                    format!(
                        "index {next} out of bounds [0:{}]",
                        length.unwrap_or_default()
                    ),
                ));
            }
            if positions.contains(&next) {
                return Err(self
                    .src
                    .error(*element, format!("duplicate index {next} in array literal")));
            }
            positions.push(next);
            next += 1;
        }
        Ok(positions)
    }

    /// Lowers the body of a composite literal of type `ty`.
    pub fn composite(&mut self, ty: &Ty, body: Node<'t>) -> Result<()> {
        let elements = named_children(body);
        match self.types.underlying(ty) {
            Ty::Struct(index) => {
                let fields = self.types.structs[index as usize].fields.clone();
                let keyed = elements
                    .first()
                    .is_some_and(|e| e.kind() == "keyed_element");
                let mut values: Vec<Option<Node<'t>>> = vec![None; fields.len()];
                if keyed {
                    for element in &elements {
                        let (Some(key), Some(value)) = (
                            element.child_by_field_name("key"),
                            element.child_by_field_name("value"),
                        ) else {
                            return Err(self.src.error(
                                *element,
                                "mixture of field:value and value elements in struct literal",
                            ));
                        };
                        let name = self.src.text_of(key);
                        let Some(position) = fields.iter().position(|f| f.name == name) else {
                            return Err(self.src.error(
                                key,
                                format!(
                                    "unknown field '{name}' in struct literal of type {}",
                                    self.types.describe(ty)
                                ),
                            ));
                        };
                        if values[position].is_some() {
                            // types2 reports at the key-value pair, whose position is its
                            // colon.
                            let colon = (0..element.child_count())
                                .filter_map(|i| element.child(i))
                                .find(|child| child.kind() == ":")
                                .unwrap_or(key);
                            return Err(self.src.error(
                                colon,
                                format!("duplicate field name {name} in struct literal"),
                            ));
                        }
                        values[position] = Some(value);
                    }
                } else if !elements.is_empty() {
                    // types2's words and positions: the first extra value, or the `}`.
                    if elements.len() > fields.len() {
                        return Err(self.src.error(
                            elements[fields.len()],
                            format!("too many values in {}{{…}}", self.types.describe(ty)),
                        ));
                    }
                    if elements.len() < fields.len() {
                        let brace = body
                            .child(body.child_count().saturating_sub(1))
                            .unwrap_or(body);
                        return Err(self.src.error(
                            brace,
                            format!("too few values in {}{{…}}", self.types.describe(ty)),
                        ));
                    }
                    for (slot, element) in values.iter_mut().zip(&elements) {
                        if element.kind() == "keyed_element" {
                            return Err(self.src.error(
                                *element,
                                "mixture of field:value and value elements in struct literal",
                            ));
                        }
                        *slot = Some(*element);
                    }
                }
                // Evaluate the written values in source order: through temporaries when the
                // keys are out of declaration order.
                let order: Vec<usize> = values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|n| (n.start_byte(), i)))
                    .collect::<std::collections::BTreeMap<_, _>>()
                    .into_values()
                    .collect();
                let in_order = order.windows(2).all(|w| w[0] < w[1]);
                let mut temps = vec![None; fields.len()];
                if !in_order {
                    for &position in &order {
                        let value = values[position].expect("written field");
                        self.element(value, &fields[position].ty)?;
                        let temp = self.temp();
                        self.emit(Instr::StoreLocal(temp), value);
                        temps[position] = Some(temp);
                    }
                }
                for (position, field) in fields.iter().enumerate() {
                    match (temps[position], values[position]) {
                        (Some(temp), Some(value)) => self.emit(Instr::LoadLocal(temp), value),
                        (None, Some(value)) => self.element(value, &field.ty)?,
                        _ => self.emit_zero(&field.ty, body),
                    }
                }
                self.emit(Instr::MakeStruct(fields.len() as u32), body);
                Ok(())
            }
            Ty::Slice(element_ty) => {
                for element in &elements {
                    if element.kind() == "keyed_element" {
                        return Err(self
                            .src
                            .unsupported(*element, "indexed slice literal element"));
                    }
                    self.element(*element, &element_ty)?;
                }
                self.emit(Instr::SliceLit(elements.len() as u32), body);
                Ok(())
            }
            Ty::Map(key_ty, value_ty) => {
                self.emit(Instr::MakeMap, body);
                let mut seen = Vec::new();
                for element in &elements {
                    let (Some(key), Some(value)) = (
                        element.child_by_field_name("key"),
                        element.child_by_field_name("value"),
                    ) else {
                        return Err(self.src.error(*element, "missing key in map literal"));
                    };
                    self.check_duplicate_key(key, &mut seen)?;
                    self.emit(Instr::Dup, *element);
                    self.element(key, &key_ty)?;
                    self.element(value, &value_ty)?;
                    self.emit(Instr::MapStore, *element);
                }
                Ok(())
            }
            Ty::Array(length, element_ty) => {
                let positions = self.array_positions(&elements, Some(length))?;
                let keyed = elements.iter().any(|e| e.kind() == "keyed_element");
                let mut temps: Vec<Option<u32>> = vec![None; length as usize];
                for (&position, element) in positions.iter().zip(&elements) {
                    let value = if element.kind() == "keyed_element" {
                        self.required(*element, "value")?
                    } else {
                        *element
                    };
                    self.element(value, &element_ty)?;
                    if keyed {
                        let temp = self.temp();
                        self.emit(Instr::StoreLocal(temp), value);
                        temps[position] = Some(temp);
                    }
                }
                let written = if keyed { 0 } else { elements.len() };
                for temp in temps.iter().skip(written) {
                    match temp {
                        Some(temp) => self.emit(Instr::LoadLocal(*temp), body),
                        None => self.emit_zero(&element_ty, body),
                    }
                }
                self.emit(Instr::MakeArray(length), body);
                Ok(())
            }
            Ty::Cond => {
                match elements.as_slice() {
                    [] => self.emit_zero(ty, body),
                    [element] if element.kind() == "keyed_element" => {
                        let key = self.required(*element, "key")?;
                        if self.src.text_of(key) != "L" {
                            return Err(self.src.error(
                                key,
                                format!(
                                    "unknown field '{}' in struct literal of type sync.Cond",
                                    self.src.text_of(key)
                                ),
                            ));
                        }
                        let value = self.required(*element, "value")?;
                        self.element(value, &Ty::Locker)?;
                        self.emit(Instr::MakeCond, body);
                    }
                    _ => return Err(self.src.unsupported(body, "this sync.Cond literal")),
                }
                Ok(())
            }
            Ty::Mutex | Ty::WaitGroup | Ty::RWMutex | Ty::Once | Ty::SyncMap | Ty::Atomic(_)
                if elements.is_empty() =>
            {
                self.emit_zero(ty, body);
                Ok(())
            }
            _ => Err(self.src.error(
                body.parent()
                    .and_then(|literal| literal.child_by_field_name("type"))
                    .unwrap_or(body),
                format!("invalid composite literal type {}", self.types.describe(ty)),
            )),
        }
    }

    /// One element of a composite literal (a `literal_element`, or an expression), whose type
    /// may be elided (`{1, 2}` inside `[]T{...}`, `&T` elided as `{...}` in `[]*T{...}`).
    fn element(&mut self, node: Node<'t>, expected: &Ty) -> Result<()> {
        let inner = if node.kind() == "literal_element" {
            named_children(node)
                .first()
                .copied()
                .ok_or_else(|| self.src.error(node, "empty element"))?
        } else {
            node
        };
        if inner.kind() == "literal_value" {
            if let Ty::Pointer(target) = self.types.underlying(expected) {
                self.composite(&target, inner)?;
                self.emit(Instr::NewCell, inner);
            } else {
                self.composite(expected, inner)?;
            }
            return Ok(());
        }
        self.expr_to(inner, expected, "struct literal")?;
        Ok(())
    }
}
