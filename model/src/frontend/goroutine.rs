//! `go` and `defer` statements, and `sync.WaitGroup.Go`: the function value and arguments are
//! evaluated at the statement; builtins become synthetic wrapper functions.

use tree_sitter::Node;

use super::call::Callee;
use super::lowerer::Lowerer;
use super::syntax::{named_children, Result};
use super::types::Ty;
use super::typing::Step;
use crate::program::{FuncId, Function, Instr};

impl<'t> Lowerer<'t> {
    /// `wg.Go(f)` in a model of a release before Go 1.25: go build's "wg.Go undefined (type
    /// sync.WaitGroup has no field or method Go)", as Go 1.23 compiles it, and the header that
    /// names a later release.
    pub fn waitgroup_go_too_new(&self, call: Node<'t>, at: &Ty) -> super::ModelError {
        let function = call.child_by_field_name("function").unwrap_or(call);
        let mut error = self.no_field(function, at, "Go");
        error.message.push_str(&format!(
            "\n\tsync.WaitGroup.Go is new in Go 1.25; the model's Go release is 1.{} (see \
             gomc:go or go.mod)",
            self.options.go_minor()
        ));
        error
    }

    /// `wg.Go(f)` (Go 1.25): `wg.Add(1)`, then a goroutine running `defer wg.Done(); f()`, as
    /// in sync/waitgroup.go. The goroutine's function and its deferred `Done` are synthetic.
    pub fn waitgroup_go(
        &mut self,
        call: Node<'t>,
        receiver: Node<'t>,
        steps: &[Step],
        at: &Ty,
    ) -> Result<()> {
        let arguments = self.arguments(call)?;
        self.expect_args(call, &arguments, 1)?;
        let label = self.label_of(receiver);
        let span = self.src.span(call);
        let receiver_at = self.here();
        self.expr_uncopied(receiver)?;
        self.apply_steps(steps, receiver);
        if matches!(at, Ty::Pointer(_)) {
            self.emit(Instr::Load, receiver);
        }
        self.drop_handle_loads(receiver_at);
        let group = self.temp();
        self.emit(Instr::StoreLocal(group), call);
        self.emit(Instr::LoadLocal(group), call);
        self.emit(Instr::PushInt(1), call);
        self.emit(Instr::WaitGroupAdd(label), call);
        let done = self.reserve_function();
        let body = self.reserve_function();
        let synthetic = |name: &str, params: u32, code: Vec<Instr>| Function {
            name: name.to_string(),
            params,
            results: 0,
            locals: params,
            captures: 0,
            spans: vec![span; code.len()],
            code,
            decl: span,
            synthetic: true,
            accesses: Vec::new(),
        };
        self.define_function(
            done,
            synthetic(
                "sync.(*WaitGroup).Go.func1.deferwrap1",
                1,
                vec![
                    Instr::LoadLocal(0),
                    Instr::PushInt(-1),
                    Instr::WaitGroupAdd(label),
                    Instr::Return,
                ],
            ),
        );
        self.define_function(
            body,
            synthetic(
                "sync.(*WaitGroup).Go.func1",
                2,
                vec![
                    Instr::FuncValue(done),
                    Instr::LoadLocal(0),
                    Instr::Defer { args: 1 },
                    Instr::LoadLocal(1),
                    Instr::CallValue { args: 0 },
                    Instr::Return,
                ],
            ),
        );
        self.emit(Instr::FuncValue(body), call);
        self.emit(Instr::LoadLocal(group), call);
        self.expr(arguments[0])?;
        self.emit(Instr::Go { args: 2 }, call);
        Ok(())
    }

    /// `go f(x)` / `defer f(x)`: the function value and the arguments are evaluated now.
    pub fn go_or_defer(&mut self, statement: Node<'t>, is_go: bool) -> Result<()> {
        let keyword = if is_go { "go" } else { "defer" };
        let call = named_children(statement).first().copied().ok_or_else(|| {
            self.src
                .error(statement, format!("malformed {keyword} statement"))
        })?;
        if call.kind() != "call_expression" && !self.is_call_read_as_conversion(call) {
            // go build places a selector or an index at its `.` or `[` (`defer wg.Done`).
            let operator = (0..call.child_count())
                .filter_map(|index| call.child(index))
                .find(|child| matches!(child.kind(), "." | "["))
                .filter(|_| matches!(call.kind(), "selector_expression" | "index_expression"));
            return Err(self.src.error(
                operator.unwrap_or(call),
                format!("expression in {keyword} must be function call"),
            ));
        }
        // A `defer` in the body of a range over a function defers on the frame of the function
        // around the loop (`rangefunc.rs`).
        self.check_result_used(call, Some(keyword))?;
        let range_frame = if is_go { None } else { self.range_body_frame() };
        let finish = |lowerer: &mut Self, args: u32| match (is_go, range_frame) {
            (true, _) => lowerer.emit(Instr::Go { args }, statement),
            (false, None) => lowerer.emit(Instr::Defer { args }, statement),
            (false, Some(var)) => {
                lowerer.load_var(var, statement);
                lowerer.emit(Instr::DeferIn { args }, statement);
            }
        };
        let callee = self.classify_call(call)?;
        match &callee {
            Callee::Builtin(_) | Callee::Std(..) | Callee::Sync { .. } | Callee::Dynamic { .. } => {
                let wrapper = self.reserve_function();
                self.emit(Instr::FuncValue(wrapper), call);
                let mut special = self.special_call(call, &callee)?;
                if !is_go && matches!(callee, Callee::Builtin("recover")) {
                    // `defer recover()` recovers as the function that deferred it.
                    special.tail = vec![Instr::DeferredRecover];
                }
                let builder = self.builder();
                let name = if is_go {
                    builder.go_wraps += 1;
                    format!("{}.gowrap{}", builder.name, builder.go_wraps)
                } else {
                    builder.defer_wraps += 1;
                    format!("{}.deferwrap{}", builder.name, builder.defer_wraps)
                };
                let mut code: Vec<Instr> = (0..special.operands).map(Instr::LoadLocal).collect();
                code.extend(special.tail);
                code.extend(special.results.iter().map(|_| Instr::Pop));
                code.push(Instr::Return);
                let span = self.src.span(call);
                let label = self.label_of(call);
                let accesses = code
                    .iter()
                    .enumerate()
                    .filter(|(_, instr)| {
                        instr.may_access_memory() && !matches!(callee, Callee::Sync { .. })
                    })
                    .map(|(pc, instr)| {
                        let site = crate::program::AccessSite {
                            write: instr.writes_memory(),
                            label,
                            fields: Vec::new(),
                        };
                        (pc as u32, site)
                    })
                    .collect();
                let function = Function {
                    name,
                    params: special.operands,
                    results: 0,
                    locals: special.operands,
                    captures: 0,
                    spans: vec![span; code.len()],
                    code,
                    decl: self.src.span(statement),
                    synthetic: true,
                    accesses,
                };
                self.define_function(wrapper, function);
                finish(self, special.operands);
            }
            Callee::Conversion(_) => {
                return Err(self.src.error(
                    call,
                    format!("{keyword} requires function call, not conversion"),
                ))
            }
            Callee::Func(index) => {
                let sig = self.func_sig(*index, call)?;
                let func: FuncId = self.pkg.funcs[*index].id;
                self.emit(Instr::FuncValue(func), call);
                let args = self.push_args(call, &sig)?;
                finish(self, args);
            }
            Callee::Method {
                receiver,
                steps,
                method,
                at,
            } => {
                let sig = self.pkg.funcs[method.func].sig.clone();
                let func = self.pkg.funcs[method.func].id;
                self.emit(Instr::FuncValue(func), call);
                self.push_receiver(*receiver, steps, method, at)?;
                let args = self.push_args(call, &sig)? + 1;
                finish(self, args);
            }
            Callee::Value(function, sig) => {
                self.expr(*function)?;
                let args = self.push_args(call, sig)?;
                finish(self, args);
            }
        }
        Ok(())
    }
}
