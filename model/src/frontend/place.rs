//! Assignable places (`x`, `*p`, `s[i]`, `m[k]`, `x.f.g`) and assignments to them.
//!
//! A place is lowered in two parts: its operands (a cell pointer, a slice and index, a map and
//! key) are pushed first; the store then consumes them with the value. A struct field reached
//! without a pointer is written by read-modify-write of the enclosing value (`SetField`), since
//! struct values are copied.

use tree_sitter::Node;

use super::lowerer::{Access, Entity, Lowerer};
use super::package::PkgEntity;
use super::resolve::Name;
use super::syntax::{unparen, Result};
use super::types::Ty;
use super::typing::{Selection, Step};
use crate::program::{AccessSite, GlobalId, Instr, LabelId, TypeId};

/// Where a place's root value lives.
#[derive(Clone, Copy, Debug)]
pub(super) enum Root {
    /// `_`: the value is dropped.
    Blank,
    /// An unboxed local slot.
    Local(u32),
    /// An unboxed global.
    Global(u32),
    /// A cell; operand: the pointer.
    Cell,
    /// A slice element; operands: the slice and the index.
    SliceElement,
    /// A map entry; operands: the map and the key. The type is the element type's zero.
    MapEntry(TypeId),
    /// A `sync.Cond`'s `L`; operand: the Cond.
    CondLocker,
}

/// One step from a struct or array value to a part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PathStep {
    /// Field i of a struct.
    Field(u32),
    /// The element of an array whose index is in this hidden local (evaluated when the place
    /// was lowered).
    Index(u32),
}

/// An assignable place.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub root: Root,
    /// Steps from the root value to the place.
    pub path: Vec<PathStep>,
    /// The place's type (`None` for `_`).
    pub ty: Option<Ty>,
    /// The place as the model spells it, for race mode's access descriptions.
    pub label: Option<LabelId>,
}

impl Place {
    /// How many operands the place pushes.
    pub fn operands(&self) -> u32 {
        match self.root {
            Root::Blank | Root::Local(_) | Root::Global(_) => 0,
            Root::Cell | Root::CondLocker => 1,
            Root::SliceElement | Root::MapEntry(_) => 2,
        }
    }
}

impl<'t> Lowerer<'t> {
    /// Lowers the operands of an assignable place.
    pub fn place(&mut self, node: Node<'t>) -> Result<Place> {
        let mut place = self.place_operands(node)?;
        // A Cond's L lives in the machine's sync object: no memory access to describe.
        if !matches!(place.root, Root::Blank | Root::Local(_) | Root::CondLocker) {
            place.label = Some(self.label_of(unparen(node)));
        }
        Ok(place)
    }

    /// The access a place's read or write makes, for race mode: the root, narrowed to the
    /// struct fields of the path up to its first array index.
    fn place_access(&self, place: &Place, write: bool) -> Option<AccessSite> {
        let fields = place
            .path
            .iter()
            .map_while(|step| match step {
                PathStep::Field(field) => Some(*field),
                PathStep::Index(_) => None,
            })
            .collect();
        place.label.map(|label| AccessSite {
            write,
            label,
            fields,
        })
    }

    fn place_operands(&mut self, node: Node<'t>) -> Result<Place> {
        let node = unparen(node);
        match node.kind() {
            "identifier" => {
                let text = self.src.text_of(node);
                if text == "_" {
                    return Ok(Place {
                        root: Root::Blank,
                        path: vec![],
                        ty: None,
                        label: None,
                    });
                }
                let (access, ty) = match self.lookup(text) {
                    Name::Local(Entity::Var(id)) => (self.var_access(id), self.vars[id].ty.clone()),
                    Name::Pkg(PkgEntity::Global(index)) => {
                        (self.global_access(index), self.global_type(index)?)
                    }
                    Name::Unknown => {
                        return Err(self.src.error(node, format!("undefined: {text}")))
                    }
                    _ => return Err(self.src.error(node, format!("cannot assign to {text}"))),
                };
                let root = match access {
                    Access::Local(slot) => Root::Local(slot),
                    Access::Global(g) => Root::Global(g),
                    _ => {
                        self.emit_cell_pointer(access, node);
                        Root::Cell
                    }
                };
                Ok(Place {
                    root,
                    path: vec![],
                    ty: Some(ty),
                    label: None,
                })
            }
            "unary_expression"
                if node
                    .child_by_field_name("operator")
                    .is_some_and(|o| self.src.text_of(o) == "*") =>
            {
                let ty = self.type_of(node)?;
                let pointer = self.required(node, "operand")?;
                self.expr(pointer)?;
                Ok(Place {
                    root: Root::Cell,
                    path: vec![],
                    ty: Some(ty),
                    label: None,
                })
            }
            "selector_expression" => {
                let operand = self.required(node, "operand")?;
                let name = self.src.text_of(self.required(node, "field")?);
                if self.package_of(operand).is_some() {
                    return Err(self
                        .src
                        .error(node, format!("cannot assign to {}", self.src.text_of(node))));
                }
                let operand_ty = self.type_of(operand)?;
                let Some(Selection::Field { steps, ty }) =
                    self.lookup_selector(&operand_ty, name, node)?
                else {
                    return Err(self.no_field(node, &operand_ty, name));
                };
                if let Some(at) = steps.iter().position(|s| *s == Step::CondLocker) {
                    // `c.L = l`: the Cond's locker is replaced (sync/cond.go's L is a field).
                    // The Cond's handle: loading it is taking the Cond's address, no access.
                    self.expr_uncopied(operand)?;
                    for step in &steps[..at] {
                        match step {
                            Step::Load => self.emit(Instr::Load, node),
                            Step::Field(i) => self.emit(Instr::Field(*i), node),
                            Step::CondLocker => {}
                        }
                    }
                    return Ok(Place {
                        root: Root::CondLocker,
                        path: Vec::new(),
                        ty: Some(ty),
                        label: None,
                    });
                }
                let fields = |steps: &[Step]| -> Vec<PathStep> {
                    steps
                        .iter()
                        .filter_map(|s| match s {
                            Step::Field(i) => Some(PathStep::Field(*i)),
                            Step::Load | Step::CondLocker => None,
                        })
                        .collect()
                };
                if let Some(last_load) = steps.iter().rposition(|s| *s == Step::Load) {
                    self.expr_uncopied(operand)?;
                    self.apply_steps(&steps[..last_load], node);
                    return Ok(Place {
                        root: Root::Cell,
                        path: fields(&steps[last_load + 1..]),
                        ty: Some(ty),
                        label: None,
                    });
                }
                let mut place = self.place_operands(operand)?;
                if matches!(place.root, Root::MapEntry(_)) {
                    return Err(self.src.error(
                        node,
                        format!(
                            "cannot assign to struct field {} in map",
                            self.src.text_of(node)
                        ),
                    ));
                }
                place.path.extend(fields(&steps));
                place.ty = Some(ty);
                Ok(place)
            }
            "index_expression" => {
                let ty = self.type_of(node)?;
                let operand = self.required(node, "operand")?;
                let index = self.required(node, "index")?;
                let operand_ty = self.type_of(operand)?;
                self.check_index(&operand_ty, index)?;
                let root = match self.types.underlying(&operand_ty) {
                    Ty::Slice(_) => Root::SliceElement,
                    Ty::Map(..) => Root::MapEntry(self.type_id(&ty)),
                    Ty::Array(..) => {
                        let mut place = self.place_operands(operand)?;
                        if matches!(place.root, Root::MapEntry(_)) {
                            return Err(self.src.error(
                                node,
                                format!(
                                    "cannot assign to {} (neither addressable nor a map index expression)",
                                    self.src.text_of(node)
                                ),
                            ));
                        }
                        self.expr(index)?;
                        let temp = self.temp();
                        self.emit(Instr::StoreLocal(temp), index);
                        place.path.push(PathStep::Index(temp));
                        place.ty = Some(ty);
                        return Ok(place);
                    }
                    Ty::Pointer(inner)
                        if matches!(self.types.underlying(&inner), Ty::Array(..)) =>
                    {
                        self.expr_uncopied(operand)?;
                        self.expr(index)?;
                        let temp = self.temp();
                        self.emit(Instr::StoreLocal(temp), index);
                        return Ok(Place {
                            root: Root::Cell,
                            path: vec![PathStep::Index(temp)],
                            ty: Some(ty),
                            label: None,
                        });
                    }
                    _ => {
                        return Err(self
                            .src
                            .error(node, format!("cannot assign to {}", self.src.text_of(node))))
                    }
                };
                self.expr_uncopied(operand)?;
                if matches!(root, Root::MapEntry(_)) {
                    self.map_key(index, &operand_ty)?;
                } else {
                    self.expr(index)?;
                }
                Ok(Place {
                    root,
                    path: vec![],
                    ty: Some(ty),
                    label: None,
                })
            }
            _ => Err(self
                .src
                .error(node, format!("cannot assign to {}", self.src.text_of(node)))),
        }
    }

    /// Stack: place operands, value → (empty). Stores the value into the place.
    pub fn emit_store(&mut self, place: &Place, node: Node) {
        if place.path.is_empty() {
            self.emit_root_store(place.root, node);
            if let Some(site) = self.place_access(place, true) {
                self.describe_access(Some(site));
            }
            return;
        }
        let value = self.temp();
        self.emit(Instr::StoreLocal(value), node);
        // A read-modify-write of the root: its load carries the write of the place, its store
        // no access, so that the two run in one transition in race mode too.
        let site = self.place_access(place, true);
        self.emit_root_load(place.root, node, site);
        for &step in &place.path[..place.path.len() - 1] {
            self.emit(Instr::Dup, node);
            self.emit_path_read(step, node);
        }
        self.emit(Instr::LoadLocal(value), node);
        for &step in place.path.iter().rev() {
            match step {
                PathStep::Field(field) => self.emit(Instr::SetField(field), node),
                PathStep::Index(index) => {
                    // stack: array, v → array, i, v → array'
                    let part = self.temp();
                    self.emit(Instr::StoreLocal(part), node);
                    self.emit(Instr::LoadLocal(index), node);
                    self.emit(Instr::LoadLocal(part), node);
                    self.emit(Instr::SetElement, node);
                }
            }
        }
        self.emit_root_store(place.root, node);
        if place.label.is_some() {
            self.describe_access(None);
        }
    }

    /// Stack: value → the part of it one step down.
    fn emit_path_read(&mut self, step: PathStep, node: Node) {
        match step {
            PathStep::Field(field) => self.emit(Instr::Field(field), node),
            PathStep::Index(index) => {
                self.emit(Instr::LoadLocal(index), node);
                self.emit(Instr::Index, node);
            }
        }
    }

    /// Stack: place operands → place operands, current value.
    pub fn emit_place_read(&mut self, place: &Place, node: Node) {
        let site = self.place_access(place, false);
        self.emit_root_load(place.root, node, site);
        for &step in &place.path {
            self.emit_path_read(step, node);
        }
    }

    /// Stack: operands → operands, root value. `site` describes the access the root's load
    /// makes (when the root is in memory).
    fn emit_root_load(&mut self, root: Root, node: Node, site: Option<AccessSite>) {
        let accessed = !matches!(root, Root::Blank | Root::Local(_));
        match root {
            Root::Blank => self.emit(Instr::PushNil, node),
            Root::Local(slot) => self.emit(Instr::LoadLocal(slot), node),
            Root::Global(g) => self.emit(Instr::LoadGlobal(GlobalId(g)), node),
            Root::Cell => {
                self.emit(Instr::Dup, node);
                self.emit(Instr::Load, node);
            }
            Root::SliceElement => {
                self.emit(Instr::Dup2, node);
                self.emit(Instr::Index, node);
            }
            Root::MapEntry(zero) => {
                self.emit(Instr::Dup2, node);
                self.emit(Instr::MapIndex(zero), node);
            }
            Root::CondLocker => {
                self.emit(Instr::Dup, node);
                self.emit(Instr::CondLocker, node);
            }
        }
        if accessed && site.is_some() {
            self.describe_access(site);
        }
        if matches!(root, Root::MapEntry(_)) {
            self.emit(Instr::Pop, node);
        }
    }

    /// Stack: operands, root value → (empty).
    fn emit_root_store(&mut self, root: Root, node: Node) {
        let instr = match root {
            Root::Blank => Instr::Pop,
            Root::Local(slot) => Instr::StoreLocal(slot),
            Root::Global(g) => Instr::StoreGlobal(GlobalId(g)),
            Root::Cell => Instr::Store,
            Root::SliceElement => Instr::SetIndex,
            Root::MapEntry(_) => Instr::MapStore,
            Root::CondLocker => Instr::CondSetLocker,
        };
        self.emit(instr, node);
    }

    /// Lowers the places of a multiple assignment, saving their operands in temporaries.
    pub(super) fn saved_places(&mut self, nodes: &[Node<'t>]) -> Result<Vec<(Place, Vec<u32>)>> {
        let mut out = Vec::new();
        for &node in nodes {
            let place = self.assigned_place(node)?;
            let temps: Vec<u32> = (0..place.operands()).map(|_| self.temp()).collect();
            for &temp in temps.iter().rev() {
                self.emit(Instr::StoreLocal(temp), node);
            }
            out.push((place, temps));
        }
        Ok(out)
    }

    /// Stack: v0 … vn-1 → (empty); assigns them to saved places, left to right.
    /// `unconverted`: the types of values not yet converted to their places' types, to box
    /// those going into interface-typed places.
    pub(super) fn store_saved(
        &mut self,
        places: &[(Place, Vec<u32>)],
        nodes: &[Node<'t>],
        unconverted: Option<&[Ty]>,
    ) -> Result<()> {
        let values: Vec<u32> = places.iter().map(|_| self.temp()).collect();
        for (&value, node) in values.iter().zip(nodes).rev() {
            self.emit(Instr::StoreLocal(value), *node);
        }
        for (index, (((place, temps), value), node)) in
            places.iter().zip(values).zip(nodes).enumerate()
        {
            for &temp in temps {
                self.emit(Instr::LoadLocal(temp), *node);
            }
            self.emit(Instr::LoadLocal(value), *node);
            let from = unconverted.and_then(|types| types.get(index));
            if let (Some(from), Some(to)) = (from, place.ty.clone()) {
                if self.types.is_interface(&to) {
                    self.coerce(from, &to, *node, "assignment")?;
                }
            }
            self.emit_store(place, *node);
        }
        Ok(())
    }
}
