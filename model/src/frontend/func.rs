//! Function bodies, function literals, the start function, and the assembly of the `Program`.

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use tree_sitter::Node;

use super::initcycle::Referrer;
use super::lowerer::{FnBuilder, Lowerer};
use super::package::{PkgEntity, Std};
use super::syntax::{named_children, Result};
use super::types::Ty;
use super::{ModelError, DEFAULT_TEST_PARALLEL};
use crate::program::{
    FuncId, Function, Global, GlobalId, Instr, Program, SourceFile, Span, StructDef,
};

/// A parameter or result: its name (if any) and type.
type Slot<'t> = (Option<Node<'t>>, Ty);

impl<'t> Lowerer<'t> {
    /// Lowers every function and the start function, and assembles the program.
    pub fn run(mut self) -> Result<(Program, BTreeSet<usize>)> {
        let entry = self.entry()?;
        for index in 0..self.pkg.funcs.len() {
            if self.is_generic_template(index) {
                self.define_template_placeholder(index);
                continue;
            }
            if self.is_instance(index) {
                continue; // lowered from `instances.pending` below, under its type arguments
            }
            self.lower_declaration(index)?;
        }
        let start = self.start_function(entry)?;
        // Instances of generic functions, as calls made them (lowering one may make more).
        while let Some(index) = self.instances.pending.pop() {
            self.with_type_args(index, |lowerer| lowerer.lower_declaration(index))?;
        }
        self.check_init_cycles()?;
        self.check_unused_vars()?;
        let structs = (0..self.types.structs.len())
            .map(|index| {
                let def = self.types.structs[index].clone();
                StructDef {
                    name: def.name,
                    fields: def.fields.iter().map(|f| f.name.clone()).collect(),
                    field_types: def.fields.iter().map(|f| self.type_id(&f.ty)).collect(),
                }
            })
            .collect();
        let globals = self
            .pkg
            .globals
            .iter()
            .map(|g| Global {
                name: g.name.clone(),
                decl: self.src.span(g.node),
            })
            .collect();
        let mut functions = Vec::new();
        for function in self.functions {
            functions.push(function.ok_or_else(|| {
                ModelError::without_position(
                    self.src.name,
                    "internal error: a function was not lowered",
                )
            })?);
        }
        let program = Program {
            files: self
                .src
                .files
                .iter()
                .map(|slot| SourceFile {
                    name: slot.name.to_string(),
                    text: self.src.text[slot.start..slot.end].to_string(),
                })
                .collect(),
            functions,
            globals,
            types: self.program_types,
            structs,
            labels: self.labels,
            strings: self.strings,
            selects: self.selects,
            dyn_types: self.dynamic.dyn_types,
            interfaces: self.dynamic.interfaces,
            sync_timer_channels: self.options.go_minor() >= 23,
            clock: self.options.clock.unwrap_or_default(),
            reads_clock: self.reads_clock,
            warnings: self.warnings,
            start,
            entry,
        };
        Ok((program, self.wanted))
    }

    /// The entry function named by the options: top-level, no parameters, no results; or a
    /// test, `func TestXxx(t *testing.T)`, which the start function runs through
    /// stdlib/testing.go's runTest.
    fn entry(&self) -> Result<FuncId> {
        let name = self.options.entry.as_deref().unwrap_or("main");
        let Some(PkgEntity::Func(index)) = self.pkg.names.get(name) else {
            return Err(ModelError::without_position(
                self.src.name,
                format!(
                    "entry function {name} not found: it must be a top-level function of the model"
                ),
            ));
        };
        let def = &self.pkg.funcs[*index];
        if self.is_test_signature(*index) {
            return Ok(def.id);
        }
        if !def.sig.params.is_empty() || !def.sig.results.is_empty() {
            let at = def.node.child_by_field_name("name").unwrap_or(def.node);
            return Err(self.src.error(
                at,
                format!("entry function {name} must have no parameters and no results"),
            ));
        }
        Ok(def.id)
    }

    /// Whether function `index` is a test: `func TestXxx(t *testing.T)`, no results.
    fn is_test_signature(&self, index: usize) -> bool {
        let def = &self.pkg.funcs[index];
        let [Ty::Pointer(target)] = def.sig.params.as_slice() else {
            return false;
        };
        let Ty::Named(named) = **target else {
            return false;
        };
        let named = &self.types.named[named as usize];
        def.sig.results.is_empty()
            && def.receiver.is_none()
            && named.package == Some(Std::Testing)
            && named.name == "T"
    }

    /// The span of a declaration's `func` keyword.
    fn func_keyword(&self, node: Node) -> Span {
        let keyword = node.child(0).filter(|c| c.kind() == "func").unwrap_or(node);
        self.src.span(keyword)
    }

    fn lower_declaration(&mut self, index: usize) -> Result<()> {
        let package = self.pkg.funcs[index].package;
        self.in_package(package, |lowerer| {
            lowerer.referring(Referrer::Func(index), |lowerer| {
                lowerer.lower_declaration_here(index)
            })
        })
    }

    fn lower_declaration_here(&mut self, index: usize) -> Result<()> {
        let node = self.pkg.funcs[index].node;
        let name = self.pkg.funcs[index].name.clone();
        let Some(body) = node.child_by_field_name("body") else {
            return Err(self
                .src
                .unsupported(node, "function declaration without a body"));
        };
        let mut params: Vec<Slot<'t>> = Vec::new();
        if let Some((named, pointer)) = self.pkg.funcs[index].receiver {
            let receiver = node
                .child_by_field_name("receiver")
                .and_then(|r| named_children(r).into_iter().next());
            let receiver_name = receiver.and_then(|r| r.child_by_field_name("name"));
            let ty = if pointer {
                Ty::Pointer(Rc::new(Ty::Named(named)))
            } else {
                Ty::Named(named)
            };
            params.push((receiver_name, ty));
        }
        if let Some(list) = node.child_by_field_name("parameters") {
            params.extend(self.parameter_list(list)?.0);
        }
        self.warn_parameter_copies(&name, &params);
        let results = match node.child_by_field_name("result") {
            Some(result) => self.result_list(result)?,
            None => Vec::new(),
        };
        let decl = self.func_keyword(node);
        let builder = new_builder(name.clone(), name, decl, false);
        let (function, _) = self.lower_function(builder, params, results, body)?;
        let id = self.pkg.funcs[index].id;
        self.define_function(id, function);
        Ok(())
    }

    /// Lowers a function body; returns the function and its captured variables.
    fn lower_function(
        &mut self,
        mut builder: FnBuilder,
        params: Vec<Slot<'t>>,
        results: Vec<Slot<'t>>,
        body: Node<'t>,
    ) -> Result<(Function, Vec<usize>)> {
        let param_count = params.len() as u32;
        builder.params = param_count;
        builder.results = results.len() as u32;
        builder.locals = param_count + results.len() as u32;
        builder.result_types = results.iter().map(|(_, ty)| ty.clone()).collect();
        builder.named_results = results.iter().any(|(name, _)| name.is_some());
        let mut result_cells = 0u32;
        for (position, (name, _)) in results.iter().enumerate() {
            let Some(name) = name else { continue };
            if self.boxed.contains(&name.start_byte()) {
                if position >= 32 {
                    return Err(self.src.unsupported(
                        *name,
                        "more than 32 results with a named result captured by a closure",
                    ));
                }
                result_cells |= 1 << position;
            }
        }
        builder.result_cells = result_cells;
        self.builders.push(builder);
        self.push_scope();
        if result_cells != 0 {
            self.emit(Instr::ResultCells(result_cells), body);
        }
        for (slot, (name, ty)) in params.into_iter().enumerate() {
            let Some(name) = name else { continue };
            let var = self.declare_var_in_slot(name, ty, slot as u32)?;
            if let Some(var) = var {
                if self.vars[var].boxed {
                    self.emit(Instr::LoadLocal(slot as u32), name);
                    self.emit(Instr::NewCell, name);
                    self.emit(Instr::StoreLocal(slot as u32), name);
                }
            }
        }
        for (position, (name, ty)) in results.into_iter().enumerate() {
            let slot = param_count + position as u32;
            let at = name.unwrap_or(body);
            self.emit_zero(&ty, at);
            if result_cells & (1 << position) != 0 {
                self.emit(Instr::NewCell, at);
            }
            self.emit(Instr::StoreLocal(slot), at);
            let var = match name {
                Some(name) => self.declare_var_in_slot(name, ty, slot)?,
                None => None,
            };
            self.builder().result_vars.push(var);
        }
        self.with_labels(|lowerer| lowerer.block_statements(body))?;
        let end = body
            .child(body.child_count().saturating_sub(1))
            .unwrap_or(body);
        if self.builder().results > 0 && !super::terminating::block_terminates(self.src, body) {
            return Err(self.src.error(end, "missing return"));
        }
        self.emit(Instr::Return, end);
        self.pop_scope();
        let builder = self.builders.pop().expect("internal error: builder stack");
        Ok(builder.into_function())
    }

    /// A function literal: lowers its body as a new function, then pushes the pointers of the
    /// variables it captures and makes the closure.
    pub fn func_literal(&mut self, node: Node<'t>) -> Result<Ty> {
        let sig = self.signature(node)?;
        let params = match node.child_by_field_name("parameters") {
            Some(list) => self.parameter_list(list)?.0,
            None => Vec::new(),
        };
        self.warn_parameter_copies("func", &params);
        let results = match node.child_by_field_name("result") {
            Some(result) => self.result_list(result)?,
            None => Vec::new(),
        };
        let body = self.required(node, "body")?;
        let parent = self.builder();
        parent.literals += 1;
        let name = if parent.is_literal {
            format!("{}.{}", parent.prefix, parent.literals)
        } else {
            format!("{}.func{}", parent.prefix, parent.literals)
        };
        let id = self.reserve_function();
        let decl = self.func_keyword(node);
        let builder = new_builder(name.clone(), name, decl, true);
        let (function, captures) = self.lower_function(builder, params, results, body)?;
        self.define_function(id, function);
        for &var in &captures {
            // The closure's own accesses were the uses (an assignment in it is none).
            let access = self.without_use(|lowerer| lowerer.var_access(var));
            self.emit_cell_pointer(access, node);
        }
        self.emit(
            Instr::MakeClosure {
                func: id,
                captures: captures.len() as u32,
            },
            node,
        );
        Ok(Ty::Func(Rc::new(sig)))
    }

    /// `runtime.main`: initializes the package-level variables in Go's order, calls the `init`
    /// functions, then the entry.
    fn start_function(&mut self, entry: FuncId) -> Result<FuncId> {
        let package = self.pkg.package_clause.expect("package clause checked");
        let span = self.src.span(package);
        let id = self.reserve_function();
        self.builders.push(new_builder(
            "runtime.main".to_string(),
            "main.init".to_string(),
            span,
            false,
        ));
        self.push_scope();
        for unit in self.init_order() {
            let package = self.pkg.units[unit].package;
            self.in_package(package, |lowerer| {
                lowerer.referring(Referrer::Unit(unit), |lowerer| {
                    lowerer.lower_init_unit(unit)
                })
            })?;
        }
        for position in 0..self.pkg.inits.len() {
            let index = self.pkg.inits[position];
            let decl = self.func_keyword(self.pkg.funcs[index].node);
            let func = self.pkg.funcs[index].id;
            self.emit_at(Instr::Call { func, args: 0 }, decl);
        }
        let entry_decl = self.functions[entry.0 as usize]
            .as_ref()
            .map_or(span, |f| f.decl);
        let entry_index = self.pkg.funcs.iter().position(|def| def.id == entry);
        match entry_index.filter(|&index| self.is_test_signature(index)) {
            // go test's main: testing.runTest(name, TestXxx, parallel, short).
            Some(index) => {
                let name = self.pkg.funcs[index].name.clone();
                let name = name
                    .split_once('.')
                    .map_or(&*name, |(_, name)| name)
                    .to_string();
                let name = self.string(&name);
                let Some(PkgEntity::Func(run_test)) = self
                    .pkg
                    .lib_names
                    .get(&(Std::Testing, "runTest".to_string()))
                    .cloned()
                else {
                    unreachable!("internal error: stdlib/testing.go defines runTest")
                };
                let run_test = self.pkg.funcs[run_test].id;
                let parallel = self.options.test_parallel.unwrap_or(DEFAULT_TEST_PARALLEL);
                for instr in [
                    Instr::PushStr(name),
                    Instr::FuncValue(entry),
                    Instr::PushInt(i64::from(parallel)),
                    Instr::PushBool(self.options.test_short),
                    Instr::Call {
                        func: run_test,
                        args: 4,
                    },
                ] {
                    self.emit_at(instr, entry_decl);
                }
            }
            None => self.emit_at(
                Instr::Call {
                    func: entry,
                    args: 0,
                },
                entry_decl,
            ),
        }
        self.emit_at(Instr::Return, entry_decl);
        self.pop_scope();
        let builder = self.builders.pop().expect("internal error: builder stack");
        self.define_function(
            id,
            Function {
                name: builder.name,
                params: 0,
                results: 0,
                locals: builder.locals,
                captures: 0,
                code: builder.code,
                spans: builder.spans,
                decl: span,
                synthetic: true,
                accesses: builder.accesses,
            },
        );
        Ok(id)
    }

    /// Initializes the variables of one initializer unit (inside `runtime.main`).
    fn lower_init_unit(&mut self, unit: usize) -> Result<()> {
        let spec = self.pkg.units[unit].spec;
        let globals = self.pkg.units[unit].globals.clone();
        let values = self.pkg.units[unit].values.clone();
        if let Some(value) = self.pkg.units[unit].override_value.clone() {
            self.emit_const(&value, spec);
            // An integer literal given for a float variable (`var rate float64 = 2`).
            if let (super::constant::ConstValue::Int(_), [Some(global)]) =
                (&value, globals.as_slice())
            {
                let ty = self.global_type(*global)?;
                self.convert_untyped_number(&super::types::INT, &ty, spec);
            }
        } else if values.is_empty() {
            for global in &globals {
                let ty = match (global, spec.child_by_field_name("type")) {
                    (Some(global), _) => self.global_type(*global)?,
                    // `var _ sync.Mutex`: a blank variable of a type, zero-initialized.
                    (None, Some(type_node)) => self.resolve_type(type_node)?,
                    (None, None) => {
                        return Err(self.src.error(spec, "missing type or initializer"))
                    }
                };
                self.emit_zero(&ty, spec);
            }
        } else {
            let mut targets = Vec::new();
            for global in &globals {
                match global {
                    Some(g) if self.pkg.globals[*g].type_node.is_some() => {
                        targets.push(self.global_type(*g)?)
                    }
                    _ => {
                        targets.clear();
                        break;
                    }
                }
            }
            self.push_values(
                &values,
                globals.len(),
                spec,
                &targets,
                "variable declaration",
            )?;
        }
        for global in globals.iter().rev() {
            let node = global.map_or(spec, |g| self.pkg.globals[g].node);
            match global {
                None => self.emit(Instr::Pop, node),
                Some(global) => {
                    if self.pkg.globals[*global].boxed {
                        self.emit(Instr::NewCell, node);
                    }
                    self.emit(Instr::StoreGlobal(GlobalId(*global as u32)), node);
                }
            }
        }
        Ok(())
    }

    /// Go's package initialization order: repeatedly the earliest declared variable whose
    /// initializer refers (directly or through functions) to no uninitialized variable.
    fn init_order(&self) -> Vec<usize> {
        let units = self.pkg.units.len();
        let mut function_refs: HashMap<usize, BTreeSet<usize>> = HashMap::new();
        let dependencies: Vec<BTreeSet<usize>> = (0..units)
            .map(|unit| {
                let mut refs = BTreeSet::new();
                let mut visiting = BTreeSet::new();
                let package = self.pkg.units[unit].package;
                for &value in &self.pkg.units[unit].values {
                    self.collect_refs(value, package, &mut refs, &mut visiting, &mut function_refs);
                }
                refs.remove(&unit);
                refs
            })
            .collect();
        let mut done = vec![false; units];
        let mut order = Vec::new();
        // Library packages are initialized before main (Go initializes imported packages
        // first): their units are eligible first.
        let library = |u: usize| self.pkg.units[u].package.is_some();
        while order.len() < units {
            let pending_library = (0..units).any(|u| !done[u] && library(u));
            let eligible = |u: usize| !done[u] && (library(u) || !pending_library);
            let next = (0..units)
                .find(|&u| eligible(u) && dependencies[u].iter().all(|&d| done[d]))
                .or_else(|| (0..units).find(|&u| eligible(u)))
                .expect("an uninitialized unit");
            done[next] = true;
            order.push(next);
        }
        order
    }

    /// The initializer units an expression refers to, through the functions it mentions.
    fn collect_refs(
        &self,
        node: Node<'t>,
        package: Option<super::package::Std>,
        refs: &mut BTreeSet<usize>,
        visiting: &mut BTreeSet<usize>,
        memo: &mut HashMap<usize, BTreeSet<usize>>,
    ) {
        let mut cursor = node.walk();
        let mut stack = vec![node];
        while let Some(current) = stack.pop() {
            if current.kind() == "identifier" {
                match self.pkg_name_in(package, self.src.text_of(current)) {
                    Some(PkgEntity::Global(global)) => {
                        refs.insert(self.pkg.globals[*global].unit);
                    }
                    Some(PkgEntity::Func(function)) => {
                        self.function_refs(*function, refs, visiting, memo);
                    }
                    _ => {}
                }
            }
            if current.kind() == "selector_expression" {
                if let Some(field) = current.child_by_field_name("field") {
                    let name = self.src.text_of(field);
                    for (index, def) in self.pkg.funcs.iter().enumerate() {
                        if def.receiver.is_some() && def.name.ends_with(&format!(".{name}")) {
                            self.function_refs(index, refs, visiting, memo);
                        }
                    }
                }
            }
            stack.extend(current.named_children(&mut cursor));
        }
    }

    fn function_refs(
        &self,
        function: usize,
        refs: &mut BTreeSet<usize>,
        visiting: &mut BTreeSet<usize>,
        memo: &mut HashMap<usize, BTreeSet<usize>>,
    ) {
        if let Some(known) = memo.get(&function) {
            refs.extend(known.iter().copied());
            return;
        }
        if !visiting.insert(function) {
            return;
        }
        let mut own = BTreeSet::new();
        if let Some(body) = self.pkg.funcs[function].node.child_by_field_name("body") {
            let package = self.pkg.funcs[function].package;
            self.collect_refs(body, package, &mut own, visiting, memo);
        }
        refs.extend(own.iter().copied());
        memo.insert(function, own);
    }
}

pub(super) fn new_builder(name: String, prefix: String, decl: Span, is_literal: bool) -> FnBuilder {
    FnBuilder {
        name,
        prefix,
        code: Vec::new(),
        spans: Vec::new(),
        params: 0,
        results: 0,
        locals: 0,
        result_types: Vec::new(),
        named_results: false,
        result_vars: Vec::new(),
        range_body: None,
        range_bodies: 0,
        result_cells: 0,
        captures: Vec::new(),
        literals: 0,
        defer_wraps: 0,
        go_wraps: 0,
        is_literal,
        breakables: Vec::new(),
        accesses: Vec::new(),
        decl,
    }
}
