//! Blocks and local variables of the function being built: opening and closing blocks,
//! declaring a variable (go build's "x redeclared in this block"), and how code reaches it:
//! a slot, a heap cell, a capture of an enclosing function, or a package-level variable.

use tree_sitter::Node;

use super::lowerer::{Access, Entity, Lowerer, Scope, Var};
use super::types::Ty;
use crate::program::Instr;

impl<'t> Lowerer<'t> {
    /// Opens a lexical block in the function being built.
    pub fn push_scope(&mut self) {
        let depth = self.depth();
        self.scopes.push((depth, Scope::default()));
    }

    /// Closes the innermost block.
    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Declares a local variable named by `name` (an identifier node) in the innermost block and
    /// gives it a fresh slot; `_` declares nothing and returns `None`. The caller initializes it
    /// with [`Lowerer::init_var`].
    pub fn declare_var(&mut self, name: Node<'t>, ty: Ty) -> super::syntax::Result<Option<usize>> {
        let slot = self.temp();
        let var = self.declare_var_in_slot(name, ty, slot)?;
        if var.is_some() {
            self.var_uses.declared(name);
        }
        Ok(var)
    }

    /// Like [`Lowerer::declare_var`], with a given slot (parameters and results).
    pub fn declare_var_in_slot(
        &mut self,
        name: Node,
        ty: Ty,
        slot: u32,
    ) -> super::syntax::Result<Option<usize>> {
        let text = self.src.text_of(name);
        if text == "_" {
            return Ok(None);
        }
        let decl = name.start_byte();
        if let Some((_, scope)) = self.scopes.last() {
            if let Some(Entity::Var(previous)) = scope.names.get(text) {
                // types2's "x redeclared in this block" with the other declaration's position.
                let (file, line, col) = self.src.position_of_byte(self.vars[*previous].decl);
                return Err(self.src.error(
                    name,
                    format!(
                        "{text} redeclared in this block\n\t{file}:{line}:{col}: other \
                         declaration of {text}"
                    ),
                ));
            }
        }
        let var = Var {
            ty,
            depth: self.depth(),
            slot,
            boxed: self.boxed.contains(&decl),
            decl,
        };
        self.vars.push(var);
        let id = self.vars.len() - 1;
        if let Some((_, scope)) = self.scopes.last_mut() {
            scope.names.insert(text.to_string(), Entity::Var(id));
        }
        Ok(Some(id))
    }

    /// Stores the value on top of the stack into a freshly declared variable (a new cell when
    /// the variable is boxed); pops it when the variable is `_`.
    pub fn init_var(&mut self, var: Option<usize>, node: Node) {
        match var {
            None => self.emit(Instr::Pop, node),
            Some(id) => {
                let Var { slot, boxed, .. } = self.vars[id];
                if boxed {
                    self.emit(Instr::NewCell, node);
                }
                self.emit(Instr::StoreLocal(slot), node);
            }
        }
    }

    /// How to reach a local variable from the function being built; registers captures.
    pub fn var_access(&mut self, id: usize) -> Access {
        let var = self.vars[id].clone();
        self.var_uses.accessed(var.decl);
        let depth = self.depth();
        if var.depth == depth {
            return if var.boxed {
                Access::LocalCell(var.slot)
            } else {
                Access::Local(var.slot)
            };
        }
        if !var.boxed {
            self.wanted.insert(var.decl);
        }
        let mut index = 0;
        for builder in &mut self.builders[var.depth + 1..=depth] {
            index = match builder.captures.iter().position(|&c| c == id) {
                Some(i) => i,
                None => {
                    builder.captures.push(id);
                    builder.captures.len() - 1
                }
            };
        }
        Access::Capture(index as u32)
    }

    /// How to reach a package-level variable.
    pub fn global_access(&self, index: usize) -> Access {
        if self.pkg.globals[index].boxed {
            Access::GlobalCell(index as u32)
        } else {
            Access::Global(index as u32)
        }
    }

    /// Emits the value of a variable.
    pub fn emit_load(&mut self, access: Access, node: Node) {
        match access {
            Access::Local(slot) => self.emit(Instr::LoadLocal(slot), node),
            Access::Global(g) => self.emit(Instr::LoadGlobal(crate::program::GlobalId(g)), node),
            _ => {
                self.emit_cell_pointer(access, node);
                self.emit(Instr::Load, node);
            }
        }
    }

    /// Emits the pointer to a boxed variable's cell. For a variable that is not boxed in this
    /// pass, records that it must be and emits a placeholder (the pass is redone).
    pub fn emit_cell_pointer(&mut self, access: Access, node: Node) {
        let instr = match access {
            Access::Local(slot) | Access::LocalCell(slot) => Instr::LoadLocal(slot),
            Access::Capture(index) => Instr::LoadCapture(index),
            Access::Global(g) | Access::GlobalCell(g) => {
                Instr::LoadGlobal(crate::program::GlobalId(g))
            }
        };
        let boxed_global = matches!(instr, Instr::LoadGlobal(_));
        self.emit(instr, node);
        if boxed_global {
            // The global holds the pointer to the variable's cell, written once before the
            // entry function runs: reading it is no access of the variable.
            self.describe_access(None);
        }
    }

    /// Records that the variable behind `access` must live in a cell.
    pub fn want_boxed(&mut self, access: Access, var: Option<usize>) {
        match access {
            Access::Local(_) => {
                if let Some(id) = var {
                    let decl = self.vars[id].decl;
                    self.wanted.insert(decl);
                }
            }
            Access::Global(g) => {
                let decl = self.pkg.globals[g as usize].node.start_byte();
                self.wanted.insert(decl);
            }
            _ => {}
        }
    }

    /// Looks a name up in the local blocks, innermost first.
    pub fn lookup_local(&self, name: &str) -> Option<Entity> {
        self.scopes
            .iter()
            .rev()
            .find_map(|(_, scope)| scope.names.get(name).cloned())
    }

    /// Whether the innermost block declares the name (for `:=` redeclaration).
    pub fn declared_in_innermost(&self, name: &str) -> Option<usize> {
        match self.scopes.last()?.1.names.get(name)? {
            Entity::Var(id) => Some(*id),
            Entity::Const(..) | Entity::Type(_) | Entity::GenericType(_) => None,
        }
    }
}
