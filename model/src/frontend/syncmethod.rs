//! Methods of the sync and sync/atomic types: `Mutex`, `RWMutex`, `WaitGroup` (its `Go` is in
//! `goroutine.rs`), `Once`, `Cond`, `Map`, `Locker`, and `atomic.Bool`/`Int32`/`Int64`/
//! `Uint32`/`Uint64`.
//!
//! The sync types are handles to sync objects, so the receiver's value is the operand. The
//! atomic types are plain values whose methods work on their address, as Go's pointer
//! receivers do. `Once.Do` and `Map.Range` call back into the model, so they are small
//! synthetic functions (`sync.(*Once).Do`, `sync.(*Map).Range`) made per call site; every other
//! method is a straight-line tail of instructions.

use tree_sitter::Node;

use super::call::Special;
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{AtomicKind, IntKind, Ty};
use super::typing::Step;
use crate::program::{BinOp, FuncId, Function, Instr, LabelId, Span, SyncMapOp};

/// The type a sync method is declared on (`at` without the pointer).
fn receiver_base(at: &Ty) -> Ty {
    match at {
        Ty::Pointer(inner) => (**inner).clone(),
        other => other.clone(),
    }
}

/// The `sync.Map` operation of a method name, with its argument count and result types.
fn map_op(name: &str) -> Option<(SyncMapOp, usize, Vec<Ty>)> {
    let value_ok = || vec![super::types::ANY, Ty::Bool];
    Some(match name {
        "Load" => (SyncMapOp::Load, 1, value_ok()),
        "Store" => (SyncMapOp::Store, 2, vec![]),
        "LoadOrStore" => (SyncMapOp::LoadOrStore, 2, value_ok()),
        "LoadAndDelete" => (SyncMapOp::LoadAndDelete, 1, value_ok()),
        "Delete" => (SyncMapOp::Delete, 1, vec![]),
        "Swap" => (SyncMapOp::Swap, 2, value_ok()),
        "CompareAndSwap" => (SyncMapOp::CompareAndSwap, 3, vec![Ty::Bool]),
        "CompareAndDelete" => (SyncMapOp::CompareAndDelete, 2, vec![Ty::Bool]),
        "Range" => (SyncMapOp::Range, 1, vec![]),
        "Clear" => (SyncMapOp::Clear, 0, vec![]),
        _ => return None,
    })
}

/// `func()`, what `Once.Do` takes.
fn nullary_func() -> Ty {
    Ty::Func(std::rc::Rc::new(super::types::Sig {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    }))
}

/// The result types of a sync method call.
pub(super) fn sync_method_results(at: &Ty, name: &str) -> Vec<Ty> {
    match (receiver_base(at), name) {
        (_, "TryLock" | "TryRLock") => vec![Ty::Bool],
        (Ty::RWMutex, "RLocker") => vec![Ty::Locker],
        (Ty::SyncMap, name) => map_op(name)
            .map(|(_, _, results)| results)
            .unwrap_or_default(),
        (Ty::Atomic(kind), "Load" | "Swap" | "Add") => vec![atomic_value(kind)],
        (Ty::Atomic(_), "CompareAndSwap") => vec![Ty::Bool],
        _ => vec![],
    }
}

/// The type an atomic type holds.
fn atomic_value(kind: AtomicKind) -> Ty {
    match kind {
        AtomicKind::Bool => Ty::Bool,
        AtomicKind::Int32 => Ty::Int(IntKind::Int32),
        AtomicKind::Int64 => Ty::Int(IntKind::Int64),
        AtomicKind::Uint32 => Ty::Int(IntKind::Uint32),
        AtomicKind::Uint64 => Ty::Int(IntKind::Uint64),
    }
}

impl<'t> Lowerer<'t> {
    /// Emits the operands of a sync method call and returns the tail that completes it.
    pub fn sync_method(
        &mut self,
        call: Node<'t>,
        receiver: Node<'t>,
        steps: &[Step],
        at: &Ty,
        name: &str,
        arguments: &[Node<'t>],
    ) -> Result<Special> {
        let base = receiver_base(at);
        let label = self.label_of(receiver);
        let results = sync_method_results(at, name);
        if let Ty::Atomic(kind) = base {
            return self.atomic_method(call, receiver, steps, at, kind, name, arguments);
        }
        let count = match (&base, name) {
            (Ty::WaitGroup, "Add") | (Ty::Once, "Do") => 1,
            (Ty::SyncMap, name) => map_op(name).map_or(0, |(_, count, _)| count),
            _ => 0,
        };
        let wanted = match (&base, name) {
            (Ty::WaitGroup, "Add") => Some(vec![super::types::INT]),
            (Ty::Once, "Do") => Some(vec![nullary_func()]),
            // (Range's parameter is printed with its names by go build: left to expect_args.)
            (Ty::SyncMap, name) if name != "Range" && count > 0 => {
                Some(vec![super::types::ANY; count])
            }
            _ if count == 0 => Some(Vec::new()),
            _ => None,
        };
        match wanted {
            Some(wanted) if arguments.len() != wanted.len() => {
                let what = format!("arguments in call to {}", self.callee_text(call)?);
                return Err(self.count_mismatch(call, arguments, &wanted, false, &what));
            }
            _ => self.expect_args(call, arguments, count)?,
        }
        let receiver_at = self.here();
        self.expr_uncopied(receiver)?;
        self.apply_steps(steps, receiver);
        if matches!(at, Ty::Pointer(_)) || base == Ty::Locker {
            // A Locker holds a pointer to the mutex.
            self.emit(Instr::Load, receiver);
        }
        self.drop_handle_loads(receiver_at);
        let context = format!("argument to {}", self.callee_text(call)?);
        for &argument in arguments {
            match (&base, name) {
                // sync.Map's keys and values are `any`: boxed with their dynamic types.
                (Ty::SyncMap, name) if name != "Range" => {
                    self.expr_to(argument, &super::types::ANY, "argument")?;
                }
                // `wg.Add(delta int)`: a constant such as 2.5 is go build's error, not a value
                // the machine would meet as a float.
                (Ty::WaitGroup, "Add") => {
                    self.expr_to(argument, &super::types::INT, &context)?;
                }
                // `once.Do(f func())`: a function with parameters or results is go build's
                // error (the machine would call it and drop what it returns).
                (Ty::Once, "Do") => {
                    self.expr_to(argument, &nullary_func(), &context)?;
                }
                _ => {
                    self.expr(argument)?;
                }
            }
        }
        let operands = 1 + count as u32;
        let span = self.src.span(call);
        let tail = match (&base, name) {
            (_, "Lock") => vec![Instr::Lock(label)],
            (_, "Unlock") => vec![Instr::Unlock(label)],
            (_, "TryLock") => vec![Instr::TryLock(label)],
            (Ty::RWMutex, "RLock") => vec![Instr::RLock(label)],
            (Ty::RWMutex, "RUnlock") => vec![Instr::RUnlock(label)],
            (Ty::RWMutex, "TryRLock") => vec![Instr::TryRLock(label)],
            (Ty::RWMutex, "RLocker") => vec![Instr::ReadLocker],
            (Ty::WaitGroup, "Add") => vec![Instr::WaitGroupAdd(label)],
            (Ty::WaitGroup, "Done") => vec![Instr::PushInt(-1), Instr::WaitGroupAdd(label)],
            (Ty::WaitGroup, "Wait") => vec![Instr::WaitGroupWait(label)],
            (Ty::Once, "Do") => {
                let func = self.once_do(label, span);
                vec![Instr::Call { func, args: 2 }]
            }
            (Ty::Cond, "Wait") => {
                let relock = self.label(&format!("{}.L", self.src.text_of(receiver)));
                vec![
                    Instr::Dup,
                    Instr::CondWait(label),
                    Instr::CondLocker,
                    Instr::Load,
                    Instr::Lock(relock),
                ]
            }
            (Ty::Cond, "Signal") => vec![Instr::CondSignal(label)],
            (Ty::Cond, "Broadcast") => vec![Instr::CondBroadcast(label)],
            (Ty::SyncMap, "Range") => {
                let func = self.map_range(label, span);
                vec![Instr::Call { func, args: 2 }]
            }
            (Ty::SyncMap, name) => match map_op(name) {
                Some((op, _, _)) => vec![Instr::SyncMap { op, label }],
                None => return Err(self.src.unsupported(call, format!("sync.Map.{name}"))),
            },
            (base, name) => {
                return Err(self
                    .src
                    .unsupported(call, format!("{}.{name}", self.types.describe(base))))
            }
        };
        Ok(Special {
            operands,
            tail,
            results,
        })
    }

    /// A method of an atomic type: its operand is the address of the value.
    #[allow(clippy::too_many_arguments)]
    fn atomic_method(
        &mut self,
        call: Node<'t>,
        receiver: Node<'t>,
        steps: &[Step],
        at: &Ty,
        kind: AtomicKind,
        name: &str,
        arguments: &[Node<'t>],
    ) -> Result<Special> {
        let label = self.label_of(receiver);
        let count = match name {
            "Load" => 0,
            "Store" | "Swap" | "Add" => 1,
            "CompareAndSwap" => 2,
            other => {
                return Err(self
                    .src
                    .unsupported(call, format!("{}.{other}", kind.name())))
            }
        };
        self.expect_args(call, arguments, count)?;
        if matches!(at, Ty::Pointer(_)) {
            let receiver_at = self.here();
            self.expr_uncopied(receiver)?;
            self.apply_steps(steps, receiver);
            self.drop_handle_loads(receiver_at);
        } else {
            self.address_of_steps(receiver, steps, receiver)?;
        }
        for &argument in arguments {
            self.expr(argument)?;
        }
        let (bits, unsigned) = match kind {
            AtomicKind::Int32 => (32, false),
            AtomicKind::Uint32 => (32, true),
            AtomicKind::Uint64 => (64, true),
            AtomicKind::Int64 | AtomicKind::Bool => (64, false),
        };
        let instr = match name {
            "Load" => Instr::AtomicLoad(label),
            "Store" => Instr::AtomicStore(label),
            "Swap" => Instr::AtomicSwap(label),
            "Add" => Instr::AtomicAdd {
                label,
                bits,
                unsigned,
            },
            _ => Instr::AtomicCas(label),
        };
        Ok(Special {
            operands: 1 + count as u32,
            tail: vec![instr],
            results: sync_method_results(at, name),
        })
    }

    /// Defines a synthetic function.
    fn synthetic(
        &mut self,
        name: &str,
        params: u32,
        locals: u32,
        code: Vec<Instr>,
        span: Span,
    ) -> FuncId {
        let id = self.reserve_function();
        self.define_function(
            id,
            Function {
                name: name.to_string(),
                params,
                results: 0,
                locals,
                captures: 0,
                spans: vec![span; code.len()],
                code,
                decl: span,
                synthetic: true,
                accesses: Vec::new(),
            },
        );
        id
    }

    /// `sync.(*Once).Do(o, f)` for one call site (sync/once.go's `Do` and `doSlow`): run f
    /// unless done, with the end of the call deferred so that a panic or `Goexit` in f still
    /// marks the Once done.
    fn once_do(&mut self, label: LabelId, span: Span) -> FuncId {
        let done = self.synthetic(
            "sync.(*Once).doSlow.deferwrap1",
            1,
            1,
            vec![Instr::LoadLocal(0), Instr::OnceDone(label), Instr::Return],
            span,
        );
        let code = vec![
            Instr::LoadLocal(0),
            Instr::OnceEnter(label),
            Instr::JumpIfFalse(8),
            Instr::FuncValue(done),
            Instr::LoadLocal(0),
            Instr::Defer { args: 1 },
            Instr::LoadLocal(1),
            Instr::CallValue { args: 0 },
            Instr::Return,
        ];
        self.synthetic("sync.(*Once).Do", 2, 2, code, span)
    }

    /// `sync.(*Map).Range(m, f)` for one call site, as Go 1.23's sync/map.go runs it: the keys
    /// at one instant, then, until f returns false, the next key in any order (a choice while
    /// more than one is left, as for a `range` over a map: `semantics/maprange.rs`), its
    /// value loaded when it is visited (skipped if deleted since), and f on both.
    fn map_range(&mut self, label: LabelId, span: Span) -> FuncId {
        // The value and ok stay on the stack: at a visit's load, no local holds the value of
        // the key before, so orders that visited the same keys meet in one state.
        let (map, f, keys, i, key) = (0, 1, 2, 3, 4);
        let (top, last, have, skip, end) = (6, 22, 25, 39, 43);
        let code = vec![
            Instr::LoadLocal(map),
            Instr::SyncMap {
                op: SyncMapOp::Range,
                label,
            },
            Instr::Pop, // the values at that instant: each is loaded when visited
            Instr::StoreLocal(keys),
            Instr::PushInt(0),
            Instr::StoreLocal(i),
            // 6: top
            Instr::LoadLocal(i),
            Instr::LoadLocal(keys),
            Instr::Len,
            Instr::Binary(BinOp::Lt),
            Instr::JumpIfFalse(end),
            Instr::LoadLocal(keys),
            Instr::Len,
            Instr::LoadLocal(i),
            Instr::Binary(BinOp::Sub),
            Instr::PushInt(1),
            Instr::Binary(BinOp::Gt),
            Instr::JumpIfFalse(last),
            // More than one key left: which comes next is a choice.
            Instr::LoadLocal(keys),
            Instr::LoadLocal(i),
            Instr::MapRangeNext,
            Instr::Jump(have),
            // 22: last, the one key left
            Instr::LoadLocal(keys),
            Instr::LoadLocal(i),
            Instr::Index,
            // 25: have
            Instr::StoreLocal(key),
            Instr::LoadLocal(i),
            Instr::PushInt(1),
            Instr::Binary(BinOp::Add),
            Instr::StoreLocal(i),
            Instr::LoadLocal(f),
            Instr::LoadLocal(key),
            Instr::LoadLocal(map),
            Instr::LoadLocal(key),
            Instr::SyncMap {
                op: SyncMapOp::Load,
                label,
            },
            // stack: f, key, value, ok
            Instr::JumpIfFalse(skip),
            Instr::CallValue { args: 2 },
            Instr::JumpIfFalse(end),
            Instr::Jump(top),
            // 39: skip, a key deleted since: drop f, key and value, on to the next key
            Instr::Pop,
            Instr::Pop,
            Instr::Pop,
            Instr::Jump(top),
            // 43: end
            Instr::Return,
        ];
        debug_assert_eq!(code.len(), end as usize + 1);
        self.synthetic("sync.(*Map).Range", 2, 5, code, span)
    }
}
