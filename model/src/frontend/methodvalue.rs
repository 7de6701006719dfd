//! Method values (`f := t.M`, `f := mu.Lock`, `f := iface.M`) and method expressions
//! (`T.M`, `(*T).M`), Go spec "Method values" and "Method expressions".
//!
//! A method value evaluates its receiver where it is written (a copy for a value receiver, the
//! address for a pointer receiver) and binds it: it is lowered as a closure over one cell
//! holding that receiver, whose synthetic function (`main.T.M-fm`, Go's name for it) loads the
//! receiver and calls the method with its own arguments.

use std::rc::Rc;

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{Sig, Ty};
use super::typing::Selection;
use crate::program::{Function, Instr};

/// The sync methods that can be method values: no arguments, no results, one instruction.
fn sync_method_instr(base: &Ty, name: &str, label: crate::program::LabelId) -> Option<Vec<Instr>> {
    Some(match (base, name) {
        (Ty::Mutex | Ty::RWMutex | Ty::Locker, "Lock") => vec![Instr::Lock(label)],
        (Ty::Mutex | Ty::RWMutex | Ty::Locker, "Unlock") => vec![Instr::Unlock(label)],
        (Ty::RWMutex, "RLock") => vec![Instr::RLock(label)],
        (Ty::RWMutex, "RUnlock") => vec![Instr::RUnlock(label)],
        (Ty::WaitGroup, "Done") => vec![Instr::PushInt(-1), Instr::WaitGroupAdd(label)],
        (Ty::WaitGroup, "Wait") => vec![Instr::WaitGroupWait(label)],
        (Ty::Cond, "Signal") => vec![Instr::CondSignal(label)],
        (Ty::Cond, "Broadcast") => vec![Instr::CondBroadcast(label)],
        _ => return None,
    })
}

fn empty_sig() -> Sig {
    Sig {
        params: Vec::new(),
        results: Vec::new(),
        variadic: false,
    }
}

impl<'t> Lowerer<'t> {
    /// The type of `x.M` used as a value, when M is a method of x's type.
    pub fn method_value_type(&mut self, node: Node<'t>, selection: &Selection) -> Result<Ty> {
        match selection {
            Selection::Method { method, .. } => {
                Ok(Ty::Func(Rc::new(self.pkg.funcs[method.func].sig.clone())))
            }
            Selection::Sync { at, .. } => {
                let name = self.src.text_of(self.required(node, "field")?);
                let base = match self.types.underlying(at) {
                    Ty::Pointer(inner) => self.types.underlying(&inner),
                    other => other,
                };
                let label = crate::program::LabelId(0);
                if sync_method_instr(&base, name, label).is_none() {
                    return Err(self.src.unsupported(
                        node,
                        format!(
                            "method value {}.{name} (call it inside a function literal instead)",
                            self.types.describe(&base)
                        ),
                    ));
                }
                Ok(Ty::Func(Rc::new(empty_sig())))
            }
            Selection::Field { ty, .. } => Ok(ty.clone()),
            Selection::Promoted { .. } => Err(self.src.unsupported(
                node,
                "method value of a method promoted from an embedded interface (use a function \
                 literal)",
            )),
        }
    }

    /// Lowers `x.M` used as a value: the bound method as a closure.
    pub fn method_value(
        &mut self,
        node: Node<'t>,
        operand: Node<'t>,
        selection: Selection,
    ) -> Result<Ty> {
        let ty = self.method_value_type(node, &selection)?;
        let name = self.src.text_of(self.required(node, "field")?);
        let Ty::Func(sig) = ty.clone() else {
            unreachable!("internal error: method value of a field");
        };
        let params = sig.params.len() as u32;
        let results = sig.results.len() as u32;
        let mut code = vec![Instr::LoadCapture(0), Instr::Load];
        let owner = match selection {
            Selection::Method { steps, method, at } => {
                let method = self.referring_to_method(method);
                self.push_receiver(operand, &steps, &method, &at)?;
                let func = self.pkg.funcs[method.func].id;
                code.extend((0..params).map(Instr::LoadLocal));
                code.push(Instr::Call {
                    func,
                    args: params + 1,
                });
                self.go_type_name(&at)
            }
            Selection::Sync { steps, at } => {
                let base = match self.types.underlying(&at) {
                    Ty::Pointer(inner) => self.types.underlying(&inner),
                    other => other,
                };
                let receiver_at = self.here();
                self.expr_uncopied(operand)?;
                self.apply_steps(&steps, operand);
                if matches!(at, Ty::Pointer(_)) || base == Ty::Locker {
                    self.emit(Instr::Load, operand);
                }
                self.drop_handle_loads(receiver_at);
                let label = self.label_of(operand);
                code.extend(sync_method_instr(&base, name, label).expect("checked by the type"));
                self.types.describe(&base)
            }
            Selection::Field { .. } | Selection::Promoted { .. } => {
                unreachable!("internal error: method value of a field")
            }
        };
        self.finish_bound_method(node, &owner, name, params, results, code);
        Ok(ty)
    }

    /// `i.M` used as a value, for an interface value `i`.
    pub fn interface_method_value(
        &mut self,
        node: Node<'t>,
        operand: Node<'t>,
        sig: Rc<Sig>,
    ) -> Result<Ty> {
        let name = self.src.text_of(self.required(node, "field")?);
        self.expr(operand)?;
        let params = sig.params.len() as u32;
        let results = sig.results.len() as u32;
        let method = self.string(name);
        let mut code = vec![Instr::LoadCapture(0), Instr::Load];
        code.extend((0..params).map(Instr::LoadLocal));
        code.push(Instr::CallMethod {
            method,
            args: params,
        });
        let operand_ty = self.type_of(operand)?;
        let owner = self.types.describe(&operand_ty);
        self.finish_bound_method(node, &owner, name, params, results, code);
        Ok(Ty::Func(sig))
    }

    /// With the receiver on the stack and the wrapper's call sequence in `code`: stores the
    /// results, defines the wrapper, and makes the closure over a cell holding the receiver.
    fn finish_bound_method(
        &mut self,
        node: Node<'t>,
        owner: &str,
        name: &str,
        params: u32,
        results: u32,
        code: Vec<Instr>,
    ) {
        let name = format!("{}.{name}-fm", self.owner_name(owner));
        let wrapper = self.define_wrapper(node, name, (params, results, 1), code);
        self.emit(Instr::NewCell, node);
        self.emit(
            Instr::MakeClosure {
                func: wrapper,
                captures: 1,
            },
            node,
        );
    }

    /// `T.M` or `(*T).M`: the method as a function whose first parameter is the receiver.
    pub fn method_expression(&mut self, node: Node<'t>, receiver: Ty) -> Result<Ty> {
        let name = self.src.text_of(self.required(node, "field")?);
        if self.types.as_interface(&receiver).is_some() {
            return self.interface_method_expression(node, receiver, name);
        }
        let selection = self.lookup_selector(&receiver, name, node)?;
        let Some(Selection::Method { steps, method, at }) = selection else {
            return Err(self.no_field(node, &receiver, name));
        };
        let method = self.referring_to_method(method);
        let at_pointer = matches!(at, Ty::Pointer(_));
        if !steps.is_empty() || method.pointer != at_pointer {
            if method.pointer && !at_pointer {
                return Err(self.src.error(
                    node,
                    format!(
                        "invalid method expression {} (needs pointer receiver (*{}).{name})",
                        self.src.text_of(node),
                        self.types.describe(&receiver)
                    ),
                ));
            }
            return Err(self.src.unsupported(
                node,
                "method expression of a promoted method or through a pointer to a value \
                 receiver (write a function literal)",
            ));
        }
        let mut sig = self.pkg.funcs[method.func].sig.clone();
        sig.params.insert(0, receiver);
        let func = self.pkg.funcs[method.func].id;
        self.emit(Instr::FuncValue(func), node);
        Ok(Ty::Func(Rc::new(sig)))
    }

    /// `I.M` for an interface type `I`: a function whose first parameter is the interface
    /// value, dispatching `M` on it (Go names it `main.I.M`).
    fn interface_method_expression(
        &mut self,
        node: Node<'t>,
        receiver: Ty,
        name: &str,
    ) -> Result<Ty> {
        let iface = self
            .types
            .as_interface(&receiver)
            .expect("checked by the caller");
        let Some((_, sig)) = iface.methods.iter().find(|(n, _)| n == name) else {
            return Err(self.no_field(node, &receiver, name));
        };
        let mut sig = Sig::clone(sig);
        let params = sig.params.len() as u32;
        let results = sig.results.len() as u32;
        let method = self.string(name);
        let mut code: Vec<Instr> = (0..=params).map(Instr::LoadLocal).collect();
        code.push(Instr::CallMethod {
            method,
            args: params,
        });
        let owner = self.types.describe(&receiver);
        let name = format!("{}.{name}", self.owner_name(&owner));
        let thunk = self.define_wrapper(node, name, (params + 1, results, 0), code);
        self.emit(Instr::FuncValue(thunk), node);
        sig.params.insert(0, receiver);
        Ok(Ty::Func(Rc::new(sig)))
    }

    /// Go's name for a synthetic function of a type's method: `main.T`, the package's prefix
    /// once (`owner` may already carry it).
    fn owner_name(&self, owner: &str) -> String {
        let prefix = self.package_prefix();
        let bare = owner.strip_prefix(&format!("{prefix}.")).unwrap_or(owner);
        format!("{prefix}.{bare}")
    }

    /// Defines a synthetic function whose `code` leaves its results on the stack: stores them
    /// into the result slots and returns. `(params, results, captures)` is its shape.
    fn define_wrapper(
        &mut self,
        node: Node<'t>,
        name: String,
        (params, results, captures): (u32, u32, u32),
        mut code: Vec<Instr>,
    ) -> crate::program::FuncId {
        for index in (0..results).rev() {
            code.push(Instr::StoreLocal(params + index));
        }
        code.push(Instr::Return);
        let wrapper = self.reserve_function();
        let span = self.src.span(node);
        self.define_function(
            wrapper,
            Function {
                name,
                params,
                results,
                locals: params + results,
                captures,
                spans: vec![span; code.len()],
                code,
                decl: span,
                synthetic: true,
                accesses: Vec::new(),
            },
        );
        wrapper
    }
}
