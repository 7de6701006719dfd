//! Strings in the front end: `range` over a string (byte index and rune, Go spec "For
//! statements with range clause") and the conversions between strings, byte slices and runes
//! (`semantics/strings.rs` executes them).

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{IntKind, Ty, INT};
use crate::program::{BinOp, Instr};

impl<'t> Lowerer<'t> {
    /// `for i, r := range s`, the string's value in the local `text`: i is the byte index of
    /// each rune, r the rune (U+FFFD for invalid UTF-8), i advancing by the rune's width.
    pub fn range_string(
        &mut self,
        clause: Node<'t>,
        body: Node<'t>,
        label: Option<String>,
        targets: &[Node<'t>],
        declare: bool,
        text: u32,
    ) -> Result<()> {
        if targets.len() > 2 {
            return Err(self.src.error(
                clause,
                "range clause permits at most two iteration variables",
            ));
        }
        let (index, rune, width) = (self.temp(), self.temp(), self.temp());
        self.emit(Instr::PushInt(0), clause);
        self.emit(Instr::StoreLocal(index), clause);
        let types = [INT, Ty::Int(IntKind::Int32)];
        let declare = self.predeclare_range_vars(targets, &types, declare, clause)?;
        let top = self.here();
        self.emit(Instr::LoadLocal(index), clause);
        self.emit(Instr::LoadLocal(text), clause);
        self.emit(Instr::Len, clause);
        self.emit(Instr::Binary(BinOp::Lt), clause);
        let exit = self.emit_jump(Instr::JumpIfFalse, clause);
        self.emit(Instr::LoadLocal(text), clause);
        self.emit(Instr::LoadLocal(index), clause);
        self.emit(Instr::RuneAt, clause);
        self.emit(Instr::StoreLocal(width), clause);
        self.emit(Instr::StoreLocal(rune), clause);
        if !targets.is_empty() {
            self.emit(Instr::LoadLocal(index), clause);
            if targets.len() == 2 {
                self.emit(Instr::LoadLocal(rune), clause);
            }
            self.bind_from_stack(targets, &types[..targets.len()], declare, clause)?;
        }
        self.push_breakable(label, true);
        self.block(body)?;
        let next = self.here();
        self.emit(Instr::LoadLocal(index), clause);
        self.emit(Instr::LoadLocal(width), clause);
        self.emit(Instr::Binary(BinOp::Add), clause);
        self.emit(Instr::StoreLocal(index), clause);
        self.emit(Instr::Jump(top), clause);
        self.patch_here(exit);
        self.pop_breakable(next);
        Ok(())
    }

    /// The instruction converting a value of underlying type `from` to `to`, when one is a
    /// string and the other an integer or a byte slice; `None` for other conversions.
    pub fn string_conversion(&self, to: &Ty, from: &Ty) -> Option<Instr> {
        let slice_of = |ty: &Ty, kind: IntKind| match ty {
            Ty::Slice(element) => self.types.underlying(element) == Ty::Int(kind),
            _ => false,
        };
        match (to, from) {
            (Ty::String, Ty::Int(_)) => Some(Instr::RuneString),
            (Ty::String, from) if slice_of(from, IntKind::Uint8) => Some(Instr::BytesString),
            (to, Ty::String) if slice_of(to, IntKind::Uint8) => Some(Instr::StringBytes),
            (Ty::String, from) if slice_of(from, IntKind::Int32) => Some(Instr::RunesString),
            (to, Ty::String) if slice_of(to, IntKind::Int32) => Some(Instr::StringRunes),
            _ => None,
        }
    }
}
