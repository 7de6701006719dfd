//! `for k, v := range f` over an iterator function (Go 1.23's range-over-func): the loop body
//! becomes a function literal passed to `f` as its yield function, as Go 1.23's compiler
//! rewrites it (cmd/compile/internal/rangefunc/rewrite.go). In the body, `continue` returns
//! true and `break` returns false; `return` stores the enclosing function's results where
//! the enclosing function finds them after `f` returns, and returns false. A hidden state
//! variable per loop says whether the body may run: a yield called after the body said stop,
//! after the loop is over, or while the body runs (after it panicked), panics with the
//! runtime's errors (runtime/panic.go, `panicrangestate`); an iterator that returns while the
//! body still runs recovered a panic of the body, which panics once the iterator returns.
//!
//! A `defer` in the body runs when the function around the loop returns, as Go 1.23's
//! `deferrangefunc`/`deferprocat` (runtime/panic.go) arrange: the function around the
//! outermost loop keeps a reference to its own frame in a hidden variable (`Instr::FrameRef`),
//! and the body defers its call on that frame (`Instr::DeferIn`).
//!
//! Not lowered (a `ModelError` naming the construct): `goto` in the body, and a
//! `break`/`continue` from the body to a statement around the loop.

use tree_sitter::Node;

use super::lowerer::{Lowerer, Var};
use super::syntax::Result;
use super::types::{Sig, Ty};
use crate::program::{BinOp, Instr};

/// The loop's state: the body may run.
const READY: i64 = 0;
/// The body said stop (`break`: its yield returned false).
const DONE: i64 = 1;
/// The loop is over (the iterator returned).
const EXHAUSTED: i64 = 2;
/// The body ran `return`: the results are stored, the enclosing function returns them.
const RETURNING: i64 = 3;
/// The body is running (Go's `abi.RF_PANIC`): still so once the iterator returns, the body
/// panicked and the iterator recovered that panic.
const RUNNING: i64 = 4;

/// What the body of a range over a function needs of the loop around it: the function
/// literal lowered from the body carries it (`FnBuilder::range_body`).
#[derive(Clone, Debug)]
pub(super) struct RangeBody {
    /// The loop's state variable (a hidden local of the function around the loop, in a cell).
    pub state: usize,
    /// Where a `return` in the body stores the results of the enclosing function: its named
    /// results, or hidden variables in cells.
    pub results: Vec<usize>,
    /// The result types of the enclosing function.
    pub result_types: Vec<Ty>,
    /// Whether `results` are the function's named results (a bare `return` returns them).
    pub named: bool,
    /// A hidden variable holding the frame of the function around the outermost loop
    /// (`Instr::FrameRef`), which a `defer` in the body defers on; only when the body (or a
    /// loop nested in it) has a `defer`.
    pub frame: Option<usize>,
}

impl<'t> Lowerer<'t> {
    /// A `range` over an iterator function held in local `iterator`: checks its type, lowers
    /// the body as the yield function and calls the iterator with it.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_func(
        &mut self,
        clause: Node<'t>,
        body: Node<'t>,
        label: Option<String>,
        targets: &[Node<'t>],
        declare: bool,
        iterator: u32,
        right: Node<'t>,
        ty: &Ty,
        sig: &Sig,
    ) -> Result<()> {
        let what = match right.kind() {
            "identifier" => "variable",
            _ => "value",
        };
        let operand = format!(
            "{} ({what} of type {})",
            self.src.text_of(right),
            self.types.describe(ty)
        );
        if self.options.go_minor() < 23 {
            return Err(self.src.error(
                right,
                format!(
                    "cannot range over {operand}: requires go1.23 or later (the model's Go \
                     release is 1.{}: see gomc:go or go.mod)",
                    self.options.go_minor()
                ),
            ));
        }
        let bad = |lowerer: &Self, why: &str| {
            lowerer.src.error(
                right,
                format!(
                    "cannot range over {operand}: func must be func(yield func(...) bool): {why}"
                ),
            )
        };
        let yield_params = match (sig.params.as_slice(), sig.results.is_empty()) {
            ([yield_ty], true) => match self.types.underlying(yield_ty) {
                Ty::Func(yield_sig)
                    if yield_sig.params.len() <= 2
                        && !yield_sig.variadic
                        && matches!(yield_sig.results.as_slice(),
                            [result] if self.types.underlying(result) == Ty::Bool) =>
                {
                    yield_sig.params.clone()
                }
                Ty::Func(yield_sig) if yield_sig.params.len() > 2 => {
                    return Err(bad(self, "yield func has too many parameters"))
                }
                Ty::Func(_) => return Err(bad(self, "yield func does not return bool")),
                _ => return Err(bad(self, "argument is not func")),
            },
            ([_], false) => return Err(bad(self, "func must not return results")),
            _ => return Err(bad(self, "wrong argument count")),
        };
        if targets.len() > yield_params.len() {
            let permits = match yield_params.len() {
                0 => "permits no iteration variables",
                1 => "permits only one iteration variable",
                _ => "permits at most two iteration variables",
            };
            return Err(self.src.error(
                targets[yield_params.len()],
                format!("range over {operand} {permits}"),
            ));
        }
        // The loop's state, and where a `return` in the body leaves the function's results.
        let state = self.hidden_var(super::types::INT, clause);
        self.emit(Instr::PushInt(READY), clause);
        self.store_var(state, clause);
        let context = match self.builder().range_body.clone() {
            Some(outer) => RangeBody { state, ..outer },
            None => RangeBody {
                state,
                ..self.results_for_range_body(body, clause)
            },
        };
        let (results, named) = (context.results.clone(), context.named);
        self.emit(Instr::LoadLocal(iterator), clause);
        self.range_body_closure(
            clause,
            body,
            label,
            targets,
            declare,
            &yield_params,
            context,
        )?;
        self.emit(Instr::CallValue { args: 1 }, clause);
        // After the iterator: a body still running panicked, and the iterator recovered the
        // panic instead of letting it through (rewrite.go's check for `abi.RF_PANIC`).
        self.load_var(state, clause);
        self.emit(Instr::PushInt(RUNNING), clause);
        self.emit(Instr::Binary(BinOp::Eq), clause);
        let not_running = self.emit_jump(Instr::JumpIfFalse, clause);
        self.emit_runtime_panic(
            "range function recovered a loop body panic and did not resume panicking",
            clause,
        );
        self.patch_here(not_running);
        // A `return` in the body returns from here.
        self.load_var(state, clause);
        self.emit(Instr::PushInt(RETURNING), clause);
        self.emit(Instr::Binary(BinOp::Eq), clause);
        let not_returning = self.emit_jump(Instr::JumpIfFalse, clause);
        match self.builder().range_body.clone() {
            // The body around this loop returns too.
            Some(outer) => self.end_body(outer.state, RETURNING, false, clause),
            None => {
                if !named {
                    for &result in &results {
                        self.load_var(result, clause);
                    }
                    self.store_results(results.len(), clause);
                }
                self.emit(Instr::Return, clause);
            }
        }
        self.patch_here(not_returning);
        self.emit(Instr::PushInt(EXHAUSTED), clause);
        self.store_var(state, clause);
        Ok(())
    }

    /// The result variables a `return` in a body stores into, made in the function around the
    /// outermost range-over-func loop: its named results, else hidden variables (only when the
    /// body has a `return`).
    fn results_for_range_body(&mut self, body: Node<'t>, clause: Node<'t>) -> RangeBody {
        let builder = self.builder();
        let result_types = builder.result_types.clone();
        let named_vars = builder.result_vars.clone();
        let named = builder.named_results
            && named_vars.len() == result_types.len()
            && named_vars.iter().all(Option::is_some);
        let results = if named {
            named_vars.into_iter().flatten().collect()
        } else if has_return(body) {
            result_types
                .clone()
                .into_iter()
                .map(|ty| {
                    let var = self.hidden_var(ty.clone(), clause);
                    self.emit_zero(&ty, clause);
                    self.store_var(var, clause);
                    var
                })
                .collect()
        } else {
            Vec::new()
        };
        let frame = has_defer(body).then(|| {
            let var = self.hidden_var(super::types::INT, clause);
            self.emit(Instr::FrameRef, clause);
            self.store_var(var, clause);
            var
        });
        RangeBody {
            state: usize::MAX,
            results,
            result_types,
            named,
            frame,
        }
    }

    /// Lowers the loop body as the yield function and pushes the closure.
    #[allow(clippy::too_many_arguments)]
    fn range_body_closure(
        &mut self,
        clause: Node<'t>,
        body: Node<'t>,
        label: Option<String>,
        targets: &[Node<'t>],
        declare: bool,
        params: &[Ty],
        context: RangeBody,
    ) -> Result<()> {
        let parent = self.builder();
        parent.range_bodies += 1;
        let name = format!("{}-range{}", parent.name, parent.range_bodies);
        let prefix = parent.prefix.clone();
        let is_literal = parent.is_literal;
        let decl = self.src.span(clause);
        let id = self.reserve_function();
        let count = params.len() as u32;
        let state = context.state;
        let mut builder = super::func::new_builder(name, prefix, decl, is_literal);
        builder.params = count;
        builder.results = 1;
        builder.locals = count + 1;
        builder.result_types = vec![Ty::Bool];
        builder.range_body = Some(context);
        self.builders.push(builder);
        self.push_scope();
        // A yield called when the body may not run panics as Go's does.
        self.load_var(state, clause);
        self.emit(Instr::PushInt(READY), clause);
        self.emit(Instr::Binary(BinOp::Eq), clause);
        let ready = self.emit_jump(Instr::JumpIfTrue, clause);
        self.load_var(state, clause);
        self.emit(Instr::PushInt(EXHAUSTED), clause);
        self.emit(Instr::Binary(BinOp::Eq), clause);
        let not_exhausted = self.emit_jump(Instr::JumpIfFalse, clause);
        self.emit_runtime_panic(
            "range function continued iteration after whole loop exit",
            clause,
        );
        self.patch_here(not_exhausted);
        self.load_var(state, clause);
        self.emit(Instr::PushInt(RUNNING), clause);
        self.emit(Instr::Binary(BinOp::Eq), clause);
        let not_running = self.emit_jump(Instr::JumpIfFalse, clause);
        self.emit_runtime_panic(
            "range function continued iteration after loop body panic",
            clause,
        );
        self.patch_here(not_running);
        self.emit_runtime_panic(
            "range function continued iteration after function for loop body returned false",
            clause,
        );
        self.patch_here(ready);
        self.emit(Instr::PushInt(RUNNING), clause);
        self.store_var(state, clause);
        if !targets.is_empty() {
            for slot in 0..targets.len() as u32 {
                self.emit(Instr::LoadLocal(slot), clause);
            }
            self.bind_from_stack(targets, &params[..targets.len()], declare, clause)?;
        }
        self.push_breakable(label, true);
        self.block(body)?;
        // Falling off the end of the body, or `continue`: go on.
        let next = self.here();
        self.emit(Instr::PushInt(READY), body);
        self.store_var(state, body);
        self.emit(Instr::PushBool(true), body);
        self.emit(Instr::StoreLocal(count), body);
        self.emit(Instr::Return, body);
        // `break`: stop.
        self.pop_breakable(next);
        self.end_body(state, DONE, false, body);
        self.pop_scope();
        let builder = self.builders.pop().expect("internal error: builder stack");
        let (function, captures) = builder.into_function();
        self.define_function(id, function);
        for &var in &captures {
            let access = self.without_use(|lowerer| lowerer.var_access(var));
            self.emit_cell_pointer(access, clause);
        }
        self.emit(
            Instr::MakeClosure {
                func: id,
                captures: captures.len() as u32,
            },
            clause,
        );
        Ok(())
    }

    /// In a body: sets the loop's state and returns `result` from the yield function.
    fn end_body(&mut self, state: usize, value: i64, result: bool, node: Node) {
        self.emit(Instr::PushInt(value), node);
        self.store_var(state, node);
        let slot = self.builder().params;
        self.emit(Instr::PushBool(result), node);
        self.emit(Instr::StoreLocal(slot), node);
        self.emit(Instr::Return, node);
    }

    /// `return` in the body of a range over a function: the results go where the enclosing
    /// function takes them after the loop, and the body stops the loop.
    pub(super) fn range_body_return(&mut self, node: Node<'t>, context: RangeBody) -> Result<()> {
        let wanted = context.result_types.clone();
        if self.push_return_values(node, &wanted, context.named)? {
            for &result in context.results.iter().rev() {
                self.store_var(result, node);
            }
        }
        self.end_body(context.state, RETURNING, false, node);
        Ok(())
    }

    /// A hidden variable of the function being built, in a cell (captured by the body).
    fn hidden_var(&mut self, ty: Ty, node: Node) -> usize {
        let slot = self.temp();
        let depth = self.depth();
        self.vars.push(Var {
            ty: ty.clone(),
            depth,
            slot,
            boxed: true,
            // No declaration: a key no identifier has, so that no pass boxes or reports it.
            decl: usize::MAX - self.vars.len(),
        });
        self.emit_zero(&ty, node);
        self.emit(Instr::NewCell, node);
        self.emit(Instr::StoreLocal(slot), node);
        self.vars.len() - 1
    }

    /// Pushes the value of a hidden (boxed) variable.
    pub(super) fn load_var(&mut self, var: usize, node: Node) {
        let access = self.var_access(var);
        self.emit_load(access, node);
    }

    /// Pops the value on top of the stack into a hidden (boxed) variable.
    fn store_var(&mut self, var: usize, node: Node) {
        let value = self.temp();
        self.emit(Instr::StoreLocal(value), node);
        let access = self.var_access(var);
        self.emit_cell_pointer(access, node);
        self.emit(Instr::LoadLocal(value), node);
        self.emit(Instr::Store, node);
    }

    /// `panic` with a runtime error of this text (`panic: runtime error: ...`).
    fn emit_runtime_panic(&mut self, what: &str, node: Node) {
        let text = self.string(&format!("runtime error: {what}"));
        self.emit(Instr::PushStr(text), node);
        self.emit(Instr::NewError, node);
        self.emit(Instr::Panic, node);
    }

    /// Whether the function being built is the body of a range over a function.
    pub(super) fn in_range_body(&mut self) -> bool {
        self.builder().range_body.is_some()
    }

    /// In the body of a range over a function, the hidden variable holding the frame that a
    /// `defer` of the body defers on.
    pub(super) fn range_body_frame(&mut self) -> Option<usize> {
        self.builder()
            .range_body
            .as_ref()
            .and_then(|body| body.frame)
    }

    /// The error text for a `break`/`continue` from a range-over-func body to a labelled
    /// statement around the loop; `None` when no enclosing function has the label.
    pub(super) fn branch_out_of_range_body(&self, keyword: &str, label: &str) -> Option<String> {
        let outer = &self.builders[..self.builders.len().saturating_sub(1)];
        let found = outer.iter().any(|builder| {
            builder
                .breakables
                .iter()
                .any(|b| b.label.as_deref() == Some(label))
        });
        found.then(|| {
            format!(
                "{keyword} {label} out of the body of a range over a function\n\tinstead: set a \
                 variable, break out of the range, and test it after the loop"
            )
        })
    }
}

/// Whether a `defer` statement of this function is in `node` (not one of a function literal).
fn has_defer(node: Node) -> bool {
    has_statement(node, "defer_statement")
}

/// Whether a loop body holds a `return` (not counting function literals inside it).
fn has_return(node: Node) -> bool {
    has_statement(node, "return_statement")
}

/// Whether a statement of this kind, of this function, is in `node` (not one of a function
/// literal).
fn has_statement(node: Node, kind: &str) -> bool {
    let mut cursor = node.walk();
    let children: Vec<Node> = node.named_children(&mut cursor).collect();
    children.into_iter().any(|child| match child.kind() {
        found if found == kind => true,
        "func_literal" => false,
        _ => has_statement(child, kind),
    })
}
