//! The lowering context: the program under construction, the function being built, the scope
//! stack (blocks and variables: `variables.rs`). The lowering itself is spread over `expr`, `place`, `call`, `stmt`, `control` and
//! `func`, each an `impl Lowerer` block.

use std::collections::{BTreeSet, HashMap};

use tree_sitter::Node;

use super::constant::ConstValue;
use super::package::Package;
use super::syntax::Source;
use super::types::{Ty, TypeTable};
use super::CompileOptions;
use crate::program::{
    AccessSite, FuncId, Function, Instr, LabelId, SelectTable, Span, StrId, Type, TypeId,
};

/// What a name denotes inside a function body.
#[derive(Clone, Debug)]
pub(super) enum Entity {
    /// A local variable: index into [`Lowerer::vars`].
    Var(usize),
    /// A local constant.
    Const(ConstValue, Ty),
    /// A local type (declared or an alias).
    Type(Ty),
    /// A generic type declared inside a function: index into the generic types
    /// (`frontend/generic_types.rs`).
    GenericType(usize),
}

/// One lexical block.
#[derive(Debug, Default)]
pub(super) struct Scope {
    pub names: HashMap<String, Entity>,
}

/// A local variable (parameters and results included).
#[derive(Clone, Debug)]
pub(super) struct Var {
    /// Its static type.
    pub ty: Ty,
    /// Index of the owning function in [`Lowerer::builders`].
    pub depth: usize,
    /// Its slot in the owning function's locals.
    pub slot: u32,
    /// Whether it lives in a heap cell (captured or address taken).
    pub boxed: bool,
    /// Byte offset of its declaring identifier: the key of the boxing decision.
    pub decl: usize,
}

/// How to reach a variable from the function being built.
#[derive(Clone, Copy, Debug)]
pub(super) enum Access {
    /// An unboxed local: the slot holds the value.
    Local(u32),
    /// A boxed local: the slot holds a pointer to the cell.
    LocalCell(u32),
    /// A captured variable: `LoadCapture(i)` yields the pointer to the cell.
    Capture(u32),
    /// An unboxed package-level variable.
    Global(u32),
    /// A boxed package-level variable: the global holds a pointer to the cell.
    GlobalCell(u32),
}

/// A `break`/`continue` target.
#[derive(Debug)]
pub(super) struct Breakable {
    /// The label naming the statement, if any.
    pub label: Option<String>,
    /// Whether `continue` applies (loops).
    pub is_loop: bool,
    /// Jumps to patch to the end of the statement.
    pub breaks: Vec<usize>,
    /// Jumps to patch to the loop's continue point.
    pub continues: Vec<usize>,
}

/// A function under construction.
#[derive(Debug)]
pub(super) struct FnBuilder {
    pub name: String,
    /// What the names of function literals inside start with (`main.f`, or `main.init` for
    /// package-level initializers).
    pub prefix: String,
    pub code: Vec<Instr>,
    pub spans: Vec<Span>,
    pub params: u32,
    pub results: u32,
    pub locals: u32,
    /// Result types, for `return`.
    pub result_types: Vec<Ty>,
    /// Whether the results are named, so that a bare `return` returns them.
    pub named_results: bool,
    /// The variables of the named results (`None` for `_`), in order.
    pub result_vars: Vec<Option<usize>>,
    /// For the body of a range over a function lowered as its yield function: the loop
    /// around it (`frontend/rangefunc.rs`).
    pub range_body: Option<super::rangefunc::RangeBody>,
    /// Bodies of ranges over functions made so far directly inside this function.
    pub range_bodies: u32,
    /// Bit i set: result i lives in a cell (`Instr::ResultCells`), so `return` stores through
    /// the pointer in its slot.
    pub result_cells: u32,
    /// Captured variables in capture order (indices into [`Lowerer::vars`]).
    pub captures: Vec<usize>,
    /// Function literals made so far directly inside this function.
    pub literals: u32,
    /// Wrappers of deferred builtins made so far.
    pub defer_wraps: u32,
    /// Wrappers of `go`-started builtins made so far.
    pub go_wraps: u32,
    /// Whether this is a function literal (nested literals are named `f.func1.1`).
    pub is_literal: bool,
    pub breakables: Vec<Breakable>,
    /// The memory accesses of `code` so far (`Function::accesses`).
    pub accesses: Vec<(u32, AccessSite)>,
    pub decl: Span,
}

impl FnBuilder {
    /// The finished function of a body written by the model (not synthetic), and the variables
    /// it captures, in capture order.
    pub fn into_function(self) -> (crate::program::Function, Vec<usize>) {
        let function = crate::program::Function {
            name: self.name,
            params: self.params,
            results: self.results,
            locals: self.locals,
            captures: self.captures.len() as u32,
            code: self.code,
            spans: self.spans,
            decl: self.decl,
            synthetic: false,
            accesses: self.accesses,
        };
        (function, self.captures)
    }
}

/// The lowering context for one compilation pass.
pub(super) struct Lowerer<'t> {
    pub src: &'t Source<'t>,
    pub options: &'t CompileOptions,
    /// Declarations (byte offsets of declaring identifiers) whose variables live in cells.
    pub boxed: &'t BTreeSet<usize>,
    /// Declarations found to need a cell; when not all are in `boxed`, the pass is redone.
    pub wanted: BTreeSet<usize>,
    /// References among package-level declarations, for initialization cycles.
    pub init_deps: std::cell::RefCell<super::initcycle::InitDeps>,
    /// Whether the model's own code reads the clock (`Program::reads_clock`).
    pub reads_clock: bool,
    /// Which local variables are used, for Go's "declared but not used" (`frontend/unused.rs`).
    pub var_uses: super::unused::VarUses<'t>,
    /// The type parameters in scope and their arguments, while an instance of a generic
    /// function is resolved or lowered (`frontend/generics.rs`).
    pub type_args: Vec<(String, Ty)>,
    /// The labels and `goto`s of the function being lowered.
    pub go_labels: super::goto::Labels<'t>,
    /// The instances of generic functions made so far.
    pub instances: super::generics::Instances<'t>,
    pub pkg: Package<'t>,
    pub types: TypeTable,
    pub functions: Vec<Option<Function>>,
    pub program_types: Vec<Type>,
    pub labels: Vec<String>,
    pub label_ids: HashMap<String, LabelId>,
    pub strings: Vec<String>,
    pub string_ids: HashMap<String, StrId>,
    pub selects: Vec<SelectTable>,
    /// Dynamic types and asserted interfaces (`frontend/dynamic.rs`).
    pub dynamic: super::dynamic::DynTables,
    /// `go vet`-style warnings (`Program::warnings`).
    pub warnings: Vec<crate::program::Warning>,
    pub builders: Vec<FnBuilder>,
    /// Lexical scopes of the functions being built, innermost last, each with its function's
    /// depth in `builders`.
    pub scopes: Vec<(usize, Scope)>,
    pub vars: Vec<Var>,
    /// The value of `iota` while a constant specification is evaluated.
    pub iota: Option<i64>,
    /// Where the next expression lowered goes, for an untyped integer constant past int64
    /// (`float.rs`, `check_int_place`): the place's type (`None`: the constant's default
    /// type) and go build's words for it ("assignment"). Taken by the expression it is for.
    pub const_place: Option<(Option<Ty>, String)>,
    /// The library package whose code is being resolved or lowered (`None`: `package main`);
    /// it decides which package-level names are in scope (`Lowerer::pkg_name`).
    pub current: Option<super::package::Std>,
    /// The name in the user's package clause (`main`, or a tested package's name), which
    /// prefixes its functions and types as Go's tracebacks print them.
    pub user_package: &'t str,
    /// Type aliases collected but not yet resolved.
    pub pending_aliases: Vec<(Node<'t>, Node<'t>, Option<super::package::Std>)>,
    /// The package-level named types whose underlying types are being resolved, innermost
    /// last (`signatures.rs`: a type reached again from its own resolution is recursive).
    pub resolving_named: Vec<u32>,
    /// While the package's types are resolved, before methods are attached to them: the
    /// constraint checks of the generic types instantiated meanwhile (`ready Heap[int32,
    /// Eval]` as a field), run once every method set is known (`constraints.rs`).
    pub deferred_constraints: Option<Vec<super::constraints::DeferredCheck<'t>>>,
}

impl<'t> Lowerer<'t> {
    /// The function being built.
    pub fn builder(&mut self) -> &mut FnBuilder {
        self.builders
            .last_mut()
            .expect("internal error: no function is being built")
    }

    /// Index of the function being built in `builders`.
    pub fn depth(&self) -> usize {
        self.builders.len().saturating_sub(1)
    }

    /// Appends an instruction with the span of a node.
    pub fn emit(&mut self, instr: Instr, node: Node) {
        let span = self.src.span(node);
        if instr.may_access_memory() {
            // Every access is described by default as the plain read or write of the node's
            // text; `describe_access` refines it where the node is not the location.
            let site = AccessSite {
                write: instr.writes_memory(),
                label: self.label_of(node),
                fields: Vec::new(),
            };
            let pc = self.here();
            self.builder().accesses.push((pc, site));
        }
        self.emit_at(instr, span);
    }

    /// `x.f` of a struct variable `x` (a package-level or captured one): narrows the read of
    /// `x` that was just emitted to the fields `steps` select before any pointer load.
    pub fn narrow_read(&mut self, steps: &[super::typing::Step], node: Node) {
        let fields: Vec<u32> = steps
            .iter()
            .map_while(|step| match step {
                super::typing::Step::Field(field) => Some(*field),
                _ => None,
            })
            .collect();
        if fields.is_empty() {
            return;
        }
        let label = self.label_of(node);
        let builder = self.builder();
        let pc = builder.code.len() as u32;
        let last_reads = matches!(
            builder.code.last(),
            Some(Instr::LoadGlobal(_) | Instr::Load)
        );
        if let Some((at, site)) = builder.accesses.last_mut() {
            if last_reads && *at + 1 == pc && !site.write {
                site.fields.extend(fields);
                site.label = label;
            }
        }
    }

    /// Drops the access descriptions of the loads emitted from instruction `from` on: they load
    /// the handle of a sync or atomic value to call a method on it, which in Go takes the
    /// value's address (`(&b.mu).Lock()`) and reads no memory.
    pub fn drop_handle_loads(&mut self, from: u32) {
        let FnBuilder { code, accesses, .. } = self.builder();
        accesses.retain(|(pc, _)| {
            *pc < from
                || !matches!(
                    code[*pc as usize],
                    Instr::Load | Instr::LoadGlobal(_) | Instr::Index
                )
        });
    }

    /// Redescribes the access of the instruction just emitted (which must be one); `None`
    /// removes it (the final store of a read-modify-write whose first instruction carries the
    /// access).
    pub fn describe_access(&mut self, site: Option<AccessSite>) {
        let pc = self.here() - 1;
        let accesses = &mut self.builder().accesses;
        let Some(last) = accesses.last_mut().filter(|(at, _)| *at == pc) else {
            panic!("internal error: no access at the last instruction");
        };
        match site {
            Some(site) => last.1 = site,
            None => {
                accesses.pop();
            }
        }
    }

    /// Appends an instruction with a span.
    pub fn emit_at(&mut self, instr: Instr, span: Span) {
        let builder = self.builder();
        builder.code.push(instr);
        builder.spans.push(span);
    }

    /// The index the next instruction will have.
    pub fn here(&mut self) -> u32 {
        self.builder().code.len() as u32
    }

    /// Emits a jump with a target to patch later; returns its index.
    pub fn emit_jump(&mut self, make: fn(u32) -> Instr, node: Node) -> usize {
        let at = self.builder().code.len();
        self.emit(make(u32::MAX), node);
        at
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: u32) {
        let instr = &mut self.builder().code[at];
        *instr = match *instr {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::JumpIfFalse(_) => Instr::JumpIfFalse(target),
            Instr::JumpIfTrue(_) => Instr::JumpIfTrue(target),
            ref other => panic!("internal error: patching {other:?}"),
        };
    }

    /// Points the jump at `at` to the next instruction.
    pub fn patch_here(&mut self, at: usize) {
        let target = self.here();
        self.patch(at, target);
    }

    /// A fresh hidden local slot.
    pub fn temp(&mut self) -> u32 {
        let builder = self.builder();
        builder.locals += 1;
        builder.locals - 1
    }

    /// The label id of a display text.
    pub fn label(&mut self, text: &str) -> LabelId {
        let text = compact(text);
        if let Some(&id) = self.label_ids.get(&text) {
            return id;
        }
        let id = LabelId(self.labels.len() as u32);
        self.labels.push(text.clone());
        self.label_ids.insert(text, id);
        id
    }

    /// The label of a node's source text.
    pub fn label_of(&mut self, node: Node) -> LabelId {
        let text = self.src.text_of(node);
        self.label(text)
    }

    /// The id of a string constant.
    pub fn string(&mut self, text: &str) -> StrId {
        if let Some(&id) = self.string_ids.get(text) {
            return id;
        }
        let id = StrId(self.strings.len() as u32);
        self.strings.push(text.to_string());
        self.string_ids.insert(text.to_string(), id);
        id
    }

    /// The machine type (for zero values) of a static type.
    pub fn type_id(&mut self, ty: &Ty) -> TypeId {
        let shape = match self.types.underlying(ty) {
            Ty::Int(_) => Type::Int,
            Ty::Float(kind) => Type::Float(kind),
            Ty::Bool => Type::Bool,
            Ty::String => Type::String,
            Ty::Struct(index) => Type::Struct(index),
            Ty::Array(n, element) => Type::Array(n, self.type_id(&element)),
            Ty::Mutex => Type::Mutex,
            Ty::WaitGroup => Type::WaitGroup,
            Ty::RWMutex => Type::RWMutex,
            Ty::Once => Type::Once,
            Ty::Cond => Type::Cond,
            Ty::SyncMap => Type::SyncMap,
            Ty::Atomic(super::types::AtomicKind::Bool) => Type::Bool,
            Ty::Atomic(_) => Type::Int,
            _ => Type::Nil,
        };
        self.intern_type(shape)
    }

    /// Interns a machine type.
    pub fn intern_type(&mut self, shape: Type) -> TypeId {
        if let Some(index) = self.program_types.iter().position(|t| *t == shape) {
            return TypeId(index as u32);
        }
        self.program_types.push(shape);
        TypeId(self.program_types.len() as u32 - 1)
    }

    /// Emits the zero value of a type.
    /// After arithmetic whose result has type `ty`: Go's wrap-around for a sized or unsigned
    /// integer kind (nothing for `int`, `int64` and non-integers).
    pub fn emit_wrap(&mut self, ty: &Ty, node: Node) {
        if let Ty::Int(kind) = self.types.underlying(ty) {
            if kind.needs_wrap() {
                self.emit(Instr::Wrap(kind), node);
            }
        }
    }

    /// The instruction of a binary operator whose left operand has type `ty`: `/`, `%`, `>>`
    /// and the ordered comparisons of an unsigned 64-bit kind read the machine's words as
    /// `u64` (`Instr::Unsigned`); every other operator is the same on either reading.
    pub fn binary_instr(&self, op: crate::program::BinOp, ty: Option<&Ty>) -> Instr {
        use crate::program::BinOp::*;
        let unsigned = ty.is_some_and(
            |ty| matches!(self.types.underlying(ty), Ty::Int(kind) if kind.unsigned_word()),
        );
        match op {
            Div | Rem | Shr | Lt | Le | Gt | Ge if unsigned => Instr::Unsigned(op),
            op => Instr::Binary(op),
        }
    }

    pub fn emit_zero(&mut self, ty: &Ty, node: Node) {
        let id = self.type_id(ty);
        self.emit(Instr::Zero(id), node);
    }

    /// Emits a constant. An integer constant that no 64-bit word holds can only be going
    /// into a floating-point place (the type check refuses it for any other), so it is pushed
    /// as the float64 it converts to, which `Instr::ToFloat` then takes as it is.
    pub fn emit_const(&mut self, value: &ConstValue, node: Node) {
        let instr = match value {
            ConstValue::Int(v) => match super::constant::machine_word(v) {
                Some(word) => Instr::PushInt(word),
                None => Instr::PushFloat(crate::program::FloatKind::F64, value.as_f64().to_bits()),
            },
            ConstValue::Float(v) => Instr::PushFloat(crate::program::FloatKind::F64, v.to_bits()),
            ConstValue::Bool(b) => Instr::PushBool(*b),
            ConstValue::Str(s) => Instr::PushStr(self.string(s)),
        };
        self.emit(instr, node);
    }

    /// Reserves a function id, to be filled by [`Lowerer::define_function`].
    pub fn reserve_function(&mut self) -> FuncId {
        self.functions.push(None);
        FuncId(self.functions.len() as u32 - 1)
    }

    /// Fills a reserved function id.
    pub fn define_function(&mut self, id: FuncId, function: Function) {
        self.functions[id.0 as usize] = Some(function);
    }
}

/// A label's display text: the operand's source text on one line.
fn compact(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
