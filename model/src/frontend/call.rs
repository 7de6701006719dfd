//! Calls: of functions, methods and function values; builtins; the standard library functions
//! of the subset; sync methods; `go` and `defer`.

use std::rc::Rc;

use tree_sitter::Node;

use super::lowerer::{Entity, Lowerer};
use super::package::{PkgEntity, Std};
use super::resolve::Name;
use super::stdcall::std_call;
use super::syncmethod::sync_method_results;
use super::syntax::{named_children, unparen, Result};
use super::types::{MethodInfo, Sig, Ty, ANY, INT};
use super::typing::{Selection, Step};
use crate::program::{Clock, Instr};

/// What a call expression calls.
#[derive(Clone, Debug)]
pub(super) enum Callee<'t> {
    /// A predeclared function (`len`, `close`, ...).
    Builtin(&'t str),
    /// A conversion `T(x)`.
    Conversion(Ty),
    /// A function of an imported package.
    Std(Std, &'t str),
    /// A top-level function (index into the package's functions).
    Func(usize),
    /// A method of a defined type, on the value `receiver` reached by `steps`.
    Method {
        receiver: Node<'t>,
        steps: Vec<Step>,
        method: MethodInfo,
        at: Ty,
    },
    /// A `sync.Mutex`/`sync.WaitGroup` method.
    Sync {
        receiver: Node<'t>,
        steps: Vec<Step>,
        at: Ty,
        name: &'t str,
    },
    /// A function value.
    Value(Node<'t>, Rc<Sig>),
    /// A method of an interface value (the receiver, or the embedded interface field reached
    /// from it by `steps`), dispatched on its dynamic type.
    Dynamic {
        receiver: Node<'t>,
        steps: Vec<Step>,
        name: &'t str,
        sig: Rc<Sig>,
    },
}

/// A call lowered as "operands, then a fixed straight-line tail": builtins, library functions
/// and sync methods. Deferred or `go`-started, the tail becomes a synthetic wrapper function.
pub(super) struct Special {
    /// Operands pushed by the call site.
    pub operands: u32,
    /// Instructions that consume the operands and push the results.
    pub tail: Vec<Instr>,
    /// Result types.
    pub results: Vec<Ty>,
}

impl Special {
    /// `operands` pushed, completed by `tail`, leaving values of the `results` types.
    pub fn new(operands: u32, tail: Vec<Instr>, results: Vec<Ty>) -> Special {
        Special {
            operands,
            tail,
            results,
        }
    }
}

impl<'t> Lowerer<'t> {
    /// Decides what a call expression calls, without emitting anything.
    pub fn classify_call(&mut self, call: Node<'t>) -> Result<Callee<'t>> {
        let callee = self.classify_callee(call)?;
        self.note_clock_read(&callee);
        Ok(callee)
    }

    fn classify_callee(&mut self, call: Node<'t>) -> Result<Callee<'t>> {
        if let Some((index, types)) = self.explicit_instantiation(call) {
            return Ok(Callee::Func(self.instantiate(index, call, &types)?));
        }
        let callee = self.classify_plain_callee(call)?;
        match callee {
            Callee::Func(index) if self.is_generic_template(index) => {
                Ok(Callee::Func(self.instantiate(index, call, &[])?))
            }
            _ if call.child_by_field_name("type_arguments").is_some() => Err(self.src.error(
                call,
                format!(
                    "invalid operation: cannot index {} (not a generic function)",
                    self.callee_text(call)?
                ),
            )),
            other => Ok(other),
        }
    }

    fn classify_plain_callee(&mut self, call: Node<'t>) -> Result<Callee<'t>> {
        let function = match self.element_call(call) {
            Some(element) => element,
            None => unparen(self.required(call, "function")?),
        };
        match function.kind() {
            "identifier" => {
                let text = self.src.text_of(function);
                match self.lookup(text) {
                    Name::Builtin => Ok(Callee::Builtin(text)),
                    Name::Type(ty)
                    | Name::Pkg(PkgEntity::Type(ty))
                    | Name::Local(Entity::Type(ty)) => Ok(Callee::Conversion(ty)),
                    Name::Pkg(PkgEntity::Func(index)) => Ok(Callee::Func(index)),
                    Name::Local(Entity::Var(_)) | Name::Pkg(PkgEntity::Global(_)) => {
                        self.value_callee(function)
                    }
                    Name::Pkg(PkgEntity::Import(_)) => Err(self
                        .src
                        .error(function, format!("use of package {text} without selector"))),
                    Name::Local(Entity::GenericType(_)) => Err(self.src.error(
                        function,
                        format!("cannot use generic type {text} without instantiation"),
                    )),
                    Name::Local(Entity::Const(..)) | Name::Pkg(PkgEntity::Const(_)) => {
                        Err(self.src.error(
                            function,
                            format!("invalid operation: cannot call non-function {text}"),
                        ))
                    }
                    Name::Unknown => match self.current {
                        // A library file's own primitives (`stdlib/time.go`'s stopTimer).
                        Some(package) if std_call(package, text).is_some() => {
                            Ok(Callee::Std(package, text))
                        }
                        _ => Err(self.src.error(function, format!("undefined: {text}"))),
                    },
                }
            }
            "selector_expression" => {
                let operand = self.required(function, "operand")?;
                let field = self.required(function, "field")?;
                let name = self.src.text_of(field);
                if let Some(package) = self.package_of(operand) {
                    if let Some(ty) = self.type_named_by(function)? {
                        return Ok(Callee::Conversion(ty));
                    }
                    // time.Sleep is a yield under the untimed clock (stdlib/time.go's Sleep).
                    let untimed_sleep = package == Std::Time
                        && name == "Sleep"
                        && self.options.clock.unwrap_or_default() == Clock::Untimed;
                    match self.lib_member(package, name).filter(|_| !untimed_sleep) {
                        Some(PkgEntity::Func(index)) => return Ok(Callee::Func(index)),
                        Some(PkgEntity::Global(_)) => return self.value_callee(function),
                        _ => {}
                    }
                    if name.starts_with(|c: char| c.is_lowercase()) {
                        return Err(self.src.error(
                            function,
                            format!("name {name} not exported by package {}", package.go_name()),
                        ));
                    }
                    if std_call(package, name).is_none() {
                        return Err(self.unsupported_member(function, package, name));
                    }
                    return Ok(Callee::Std(package, name));
                }
                if self.method_expression_receiver(operand)?.is_some() {
                    return self.value_callee(function);
                }
                let ty = self.type_of(operand)?;
                if let Some(iface) = self.types.as_interface(&ty) {
                    let Some((_, sig)) = iface.methods.iter().find(|(n, _)| n == name) else {
                        return Err(self.no_field(function, &ty, name));
                    };
                    return Ok(Callee::Dynamic {
                        receiver: operand,
                        steps: Vec::new(),
                        name,
                        sig: sig.clone(),
                    });
                }
                match self.lookup_selector(&ty, name, function)? {
                    Some(Selection::Method { steps, method, at }) => Ok(Callee::Method {
                        receiver: operand,
                        steps,
                        method: self.referring_to_method(method),
                        at,
                    }),
                    Some(Selection::Sync { steps, at }) => {
                        // Every method of the sync and atomic types has a pointer receiver.
                        let through_pointer =
                            matches!(at, Ty::Pointer(_)) || steps.contains(&Step::Load);
                        self.check_pointer_receiver(operand, through_pointer, name)?;
                        Ok(Callee::Sync {
                            receiver: operand,
                            steps,
                            at,
                            name,
                        })
                    }
                    Some(Selection::Promoted { steps, sig }) => Ok(Callee::Dynamic {
                        receiver: operand,
                        steps,
                        name,
                        sig,
                    }),
                    Some(Selection::Field { .. }) => self.value_callee(function),
                    None => Err(self.no_field(function, &ty, name)),
                }
            }
            "pointer_type" | "slice_type" | "array_type" | "map_type" | "channel_type"
            | "function_type" | "struct_type" | "interface_type" | "parenthesized_type"
            | "qualified_type" | "type_identifier" => {
                Ok(Callee::Conversion(self.resolve_type(function)?))
            }
            // `(*T)(nil)`, as in `var _ Handler = (*logger)(nil)`: the grammar reads `*T` in
            // parentheses as a dereference.
            "unary_expression" => match self.method_expression_receiver(function)? {
                Some(ty) => Ok(Callee::Conversion(ty)),
                None => self.value_callee(function),
            },
            _ => self.value_callee(function),
        }
    }

    fn value_callee(&mut self, function: Node<'t>) -> Result<Callee<'t>> {
        let ty = self.type_of(function)?;
        match self.types.underlying(&ty) {
            Ty::Func(sig) => Ok(Callee::Value(function, sig)),
            _ => {
                let description = self.operand_description(function, &ty);
                Err(self.src.error(
                    function,
                    format!(
                        "invalid operation: cannot call non-function {} ({description})",
                        self.src.text_of(function)
                    ),
                ))
            }
        }
    }

    /// The result types of a call, without emitting anything.
    pub fn call_result_types(&mut self, call: Node<'t>) -> Result<Vec<Ty>> {
        let callee = self.classify_call(call)?;
        let arguments = self.arguments(call)?;
        Ok(match callee {
            Callee::Builtin(name) => match name {
                "len" | "cap" => vec![INT],
                "append" => match arguments.first() {
                    Some(&first) => vec![self.type_of(first)?],
                    None => return Err(self.src.error(call, "not enough arguments for append")),
                },
                "make" => match arguments.first() {
                    Some(&first) => vec![self.resolve_type(first)?],
                    None => return Err(self.src.error(call, "not enough arguments for make")),
                },
                "new" => match arguments.first() {
                    Some(&first) => vec![Ty::Pointer(self.resolve_type(first)?.into())],
                    None => return Err(self.src.error(call, "not enough arguments for new")),
                },
                "recover" => vec![ANY],
                "min" | "max" => match arguments.first() {
                    Some(&first) => vec![self.type_of(first)?],
                    None => {
                        return Err(self
                            .src
                            .error(call, format!("not enough arguments for {name}")))
                    }
                },
                "close" | "delete" | "panic" | "print" | "println" | "clear" => vec![],
                "copy" => vec![INT],
                other => return Err(self.src.unsupported(call, format!("builtin {other}"))),
            },
            Callee::Conversion(ty) => vec![ty],
            Callee::Std(package, name) => self.std_results(package, name),
            Callee::Func(index) => self.func_sig(index, call)?.results,
            Callee::Method { method, .. } => self.pkg.funcs[method.func].sig.results.clone(),
            Callee::Sync { at, name, .. } => sync_method_results(&at, name),
            Callee::Value(_, sig) => sig.results.clone(),
            Callee::Dynamic { sig, .. } => sig.results.clone(),
        })
    }

    /// The argument expressions of a call (a `variadic_argument` stays as it is).
    /// The source text of what a call calls (`wg.Add`, `Map[int]`).
    pub fn callee_text(&self, call: Node<'t>) -> Result<String> {
        let field = match call.kind() {
            "type_conversion_expression" => "type",
            _ => "function",
        };
        let callee = self.required(call, field)?;
        Ok(self.go_text(callee))
    }

    /// An expression as go build prints it in a message: its source text, a function literal
    /// with its body elided (`func(id int) {…}`).
    pub fn go_text(&self, node: Node<'t>) -> String {
        if let (true, Some(body)) = (
            node.kind() == "func_literal",
            node.child_by_field_name("body"),
        ) {
            let head = self
                .src
                .text
                .get(node.start_byte()..body.start_byte())
                .unwrap_or("");
            // An empty body prints as written.
            let elided = if named_children(body).is_empty() {
                "{}"
            } else {
                "{…}"
            };
            return format!("{} {elided}", head.trim_end());
        }
        // A composite literal with its elements elided: `map[string]string{…}`.
        if let (true, Some(body)) = (
            node.kind() == "composite_literal",
            node.child_by_field_name("body"),
        ) {
            if !named_children(body).is_empty() {
                let head = self
                    .src
                    .text
                    .get(node.start_byte()..body.start_byte())
                    .unwrap_or("");
                return format!("{head}{{…}}");
            }
        }
        self.src.text_of(node).to_string()
    }

    pub fn arguments(&self, call: Node<'t>) -> Result<Vec<Node<'t>>> {
        if call.kind() == "type_conversion_expression" {
            // A generic call the grammar reads as a conversion (`generics.rs`).
            return Ok(vec![self.required(call, "operand")?]);
        }
        Ok(named_children(self.required(call, "arguments")?))
    }

    /// Lowers a call, leaving its results on the stack (r0 first); returns their types.
    pub fn call(&mut self, call: Node<'t>) -> Result<Vec<Ty>> {
        let callee = self.classify_call(call)?;
        match callee {
            Callee::Sync {
                receiver,
                steps,
                at,
                name: "Go",
            } => {
                if self.options.go_minor() < 25 {
                    return Err(self.waitgroup_go_too_new(call, &at));
                }
                self.waitgroup_go(call, receiver, &steps, &at)?;
                Ok(vec![])
            }
            Callee::Builtin(name @ ("min" | "max")) => self.min_max(call, name == "min"),
            Callee::Builtin(_) | Callee::Std(..) | Callee::Sync { .. } | Callee::Dynamic { .. } => {
                let special = self.special_call(call, &callee)?;
                let tail_at = self.here();
                for instr in special.tail {
                    self.emit(instr, call);
                }
                if matches!(callee, Callee::Sync { .. }) {
                    // `c.Wait()`'s relock loads the handle of `c.L`'s mutex.
                    self.drop_handle_loads(tail_at);
                }
                Ok(special.results)
            }
            Callee::Conversion(ty) => {
                let arguments = self.arguments(call)?;
                let [argument] = arguments.as_slice() else {
                    return Err(self
                        .src
                        .error(call, "a conversion takes exactly one argument"));
                };
                self.conversion(call, &ty, *argument)?;
                Ok(vec![ty])
            }
            Callee::Func(index) => {
                let sig = self.func_sig(index, call)?;
                let func = self.pkg.funcs[index].id;
                let args = self.push_args(call, &sig)?;
                self.emit(Instr::Call { func, args }, call);
                Ok(sig.results)
            }
            Callee::Method {
                receiver,
                steps,
                method,
                at,
            } => {
                let sig = self.pkg.funcs[method.func].sig.clone();
                let func = self.pkg.funcs[method.func].id;
                self.push_receiver(receiver, &steps, &method, &at)?;
                let args = self.push_args(call, &sig)? + 1;
                self.emit(Instr::Call { func, args }, call);
                Ok(sig.results)
            }
            Callee::Value(function, sig) => {
                self.expr(function)?;
                let args = self.push_args(call, &sig)?;
                self.emit(Instr::CallValue { args }, call);
                Ok(sig.results.clone())
            }
        }
    }

    /// Pushes the receiver of a method call: a pointer for a pointer method, a value otherwise.
    pub fn push_receiver(
        &mut self,
        receiver: Node<'t>,
        steps: &[Step],
        method: &MethodInfo,
        at: &Ty,
    ) -> Result<()> {
        let at_pointer = matches!(at, Ty::Pointer(_));
        if method.pointer && !at_pointer {
            let through_pointer = steps.contains(&Step::Load);
            self.check_pointer_receiver(receiver, through_pointer, &method.name)?;
            return self.address_of_steps(receiver, steps, receiver);
        }
        self.expr_uncopied(receiver)?;
        self.apply_steps(steps, receiver);
        if !method.pointer && at_pointer {
            self.emit(Instr::Load, receiver);
        }
        if !method.pointer {
            // A value receiver is a copy of the value the method is called on.
            let base = match self.types.underlying(at) {
                Ty::Pointer(inner) => (*inner).clone(),
                _ => at.clone(),
            };
            if self.types.holds_sync(&base) {
                self.emit(Instr::CopySync, receiver);
            }
        }
        Ok(())
    }

    /// Emits the field-selection steps.
    pub fn apply_steps(&mut self, steps: &[Step], node: Node) {
        for (index, step) in steps.iter().enumerate() {
            let instr = match step {
                Step::Load => Instr::Load,
                Step::Field(i) => Instr::Field(*i),
                Step::CondLocker => Instr::CondLocker,
            };
            self.emit(instr, node);
            if *step == Step::Load {
                // `p.f`: a read of the field only, not of the whole struct `*p`.
                let fields = steps[index + 1..]
                    .iter()
                    .map_while(|step| match step {
                        Step::Field(i) => Some(*i),
                        _ => None,
                    })
                    .collect();
                let label = self.label_of(node);
                self.describe_access(Some(crate::program::AccessSite {
                    write: false,
                    label,
                    fields,
                }));
            }
        }
    }

    /// Emits the operands of a builtin, library or sync call and returns the tail that
    /// completes it.
    pub fn special_call(&mut self, call: Node<'t>, callee: &Callee<'t>) -> Result<Special> {
        let arguments = self.arguments(call)?;
        let special = Special::new;
        match callee {
            Callee::Builtin(name) => self.builtin(call, name, &arguments),
            Callee::Std(package, name) => self.std_special(call, *package, name, &arguments),
            Callee::Sync {
                receiver,
                steps,
                at,
                name,
            } => self.sync_method(call, *receiver, steps, at, name, &arguments),
            Callee::Dynamic {
                receiver,
                steps,
                name,
                sig,
            } => {
                self.expr_uncopied(*receiver)?;
                self.apply_steps(steps, *receiver);
                let args = self.push_args(call, sig)?;
                let method = self.string(name);
                Ok(special(
                    args + 1,
                    vec![Instr::CallMethod { method, args }],
                    sig.results.clone(),
                ))
            }
            _ => Err(self.src.error(call, "internal error: not a special call")),
        }
    }
}
