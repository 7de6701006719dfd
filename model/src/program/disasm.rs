//! A readable listing of a `Program`, for tests and debugging.

use std::fmt::Write;

use super::{Instr, Program, SelectCaseKind, Type, TypeId};

impl Program {
    /// Lists every function with its instructions, one per line, each with its index and the
    /// `line:col` of its span; labels, strings, globals, types and callees are shown by name:
    ///
    /// ```text
    /// func main.worker params=1 results=0 locals=2 captures=0 decl=12:1
    ///    0  13:2  LoadGlobal bgwork
    ///    1  13:2  Recv bgwork
    /// ```
    pub fn disassemble(&self) -> String {
        let mut out = String::new();
        for (index, global) in self.globals.iter().enumerate() {
            let _ = writeln!(
                out,
                "global {index} {} decl={}:{}",
                global.name, global.decl.line, global.decl.col
            );
        }
        for (index, function) in self.functions.iter().enumerate() {
            let _ = writeln!(
                out,
                "func {} params={} results={} locals={} captures={} decl={}:{}{}{}{}",
                function.name,
                function.params,
                function.results,
                function.locals,
                function.captures,
                function.decl.line,
                function.decl.col,
                if function.synthetic { " synthetic" } else { "" },
                if index == self.start.0 as usize {
                    " start"
                } else {
                    ""
                },
                if index == self.entry.0 as usize {
                    " entry"
                } else {
                    ""
                },
            );
            for (pc, (instr, span)) in function.code.iter().zip(&function.spans).enumerate() {
                let position = format!("{}:{}", span.line, span.col);
                let _ = writeln!(out, "{pc:>5}  {position:<7} {}", self.instr_text(instr));
            }
        }
        out
    }

    fn type_text(&self, id: TypeId) -> String {
        match self.types.get(id.0 as usize) {
            Some(Type::Int) => "int".into(),
            Some(Type::Float(kind)) => kind.name().into(),
            Some(Type::Bool) => "bool".into(),
            Some(Type::String) => "string".into(),
            Some(Type::Nil) => "nil".into(),
            Some(Type::Struct(i)) => self
                .structs
                .get(*i as usize)
                .map_or_else(|| format!("struct#{i}"), |s| s.name.clone()),
            Some(Type::Array(n, element)) => format!("[{n}]{}", self.type_text(*element)),
            Some(Type::Mutex) => "sync.Mutex".into(),
            Some(Type::WaitGroup) => "sync.WaitGroup".into(),
            Some(Type::RWMutex) => "sync.RWMutex".into(),
            Some(Type::Once) => "sync.Once".into(),
            Some(Type::Cond) => "sync.Cond".into(),
            Some(Type::SyncMap) => "sync.Map".into(),
            None => format!("type#{}", id.0),
        }
    }

    fn instr_text(&self, instr: &Instr) -> String {
        let label = |id: super::LabelId| {
            self.labels
                .get(id.0 as usize)
                .cloned()
                .unwrap_or_else(|| format!("label#{}", id.0))
        };
        let func = |id: super::FuncId| {
            self.functions
                .get(id.0 as usize)
                .map_or_else(|| format!("func#{}", id.0), |f| f.name.clone())
        };
        match instr {
            Instr::PushInt(v) => format!("PushInt {v}"),
            Instr::PushBool(b) => format!("PushBool {b}"),
            Instr::PushStr(id) => format!(
                "PushStr {:?}",
                self.strings.get(id.0 as usize).map_or("?", |s| s.as_str())
            ),
            Instr::Zero(id) => format!("Zero {}", self.type_text(*id)),
            Instr::LoadGlobal(g) | Instr::StoreGlobal(g) => {
                let name = self
                    .globals
                    .get(g.0 as usize)
                    .map_or_else(|| format!("global#{}", g.0), |g| g.name.clone());
                let op = if matches!(instr, Instr::LoadGlobal(_)) {
                    "LoadGlobal"
                } else {
                    "StoreGlobal"
                };
                format!("{op} {name}")
            }
            Instr::LoadLocal(i) => format!("LoadLocal {i}"),
            Instr::StoreLocal(i) => format!("StoreLocal {i}"),
            Instr::LoadCapture(i) => format!("LoadCapture {i}"),
            Instr::MakeStruct(n) => format!("MakeStruct {n}"),
            Instr::Field(i) => format!("Field {i}"),
            Instr::SetField(i) => format!("SetField {i}"),
            Instr::Unary(op) => format!("Unary {op:?}"),
            Instr::Binary(op) => format!("Binary {op:?}"),
            Instr::Unsigned(op) => format!("Unsigned {op:?}"),
            Instr::Wrap(kind) => format!("Wrap {}", kind.name()),
            Instr::PushFloat(kind, bits) => {
                format!("PushFloat {} {}", kind.name(), f64::from_bits(*bits))
            }
            Instr::Jump(t) => format!("Jump {t}"),
            Instr::JumpIfFalse(t) => format!("JumpIfFalse {t}"),
            Instr::JumpIfTrue(t) => format!("JumpIfTrue {t}"),
            Instr::Call { func: f, args } => format!("Call {} args={args}", func(*f)),
            Instr::CallValue { args } => format!("CallValue args={args}"),
            Instr::MakeClosure { func: f, captures } => {
                format!("MakeClosure {} captures={captures}", func(*f))
            }
            Instr::FuncValue(f) => format!("FuncValue {}", func(*f)),
            Instr::MakeChan(t) => format!("MakeChan {}", self.type_text(*t)),
            Instr::MakeSlice(t) => format!("MakeSlice {}", self.type_text(*t)),
            Instr::SliceLit(n) => format!("SliceLit {n}"),
            Instr::Append(n) => format!("Append {n}"),
            Instr::MapIndex(t) => format!("MapIndex {}", self.type_text(*t)),
            Instr::Go { args } => format!("Go args={args}"),
            Instr::Defer { args } => format!("Defer args={args}"),
            Instr::DeferIn { args } => format!("DeferIn args={args}"),
            Instr::Send(l) => format!("Send {}", label(*l)),
            Instr::Recv { label: l, with_ok } => {
                format!("Recv {}{}", label(*l), if *with_ok { " ok" } else { "" })
            }
            Instr::Close(l) => format!("Close {}", label(*l)),
            Instr::Select(id) => match self.selects.get(id.0 as usize) {
                Some(table) => {
                    let cases: Vec<String> = table
                        .cases
                        .iter()
                        .map(|c| {
                            let kind = match c.kind {
                                SelectCaseKind::Send => "send",
                                SelectCaseKind::Recv => "recv",
                            };
                            format!("{kind} {}", label(c.label))
                        })
                        .collect();
                    format!(
                        "Select [{}]{}",
                        cases.join(", "),
                        if table.has_default { " default" } else { "" }
                    )
                }
                None => format!("Select #{}", id.0),
            },
            Instr::Lock(l) => format!("Lock {}", label(*l)),
            Instr::Unlock(l) => format!("Unlock {}", label(*l)),
            Instr::TryLock(l) => format!("TryLock {}", label(*l)),
            Instr::WaitGroupAdd(l) => format!("WaitGroupAdd {}", label(*l)),
            Instr::WaitGroupWait(l) => format!("WaitGroupWait {}", label(*l)),
            Instr::AtomicAdd {
                label: l,
                bits,
                unsigned,
            } => format!(
                "AtomicAdd {} bits={bits}{}",
                label(*l),
                if *unsigned { " unsigned" } else { "" }
            ),
            Instr::AtomicSwap(l) => format!("AtomicSwap {}", label(*l)),
            Instr::RLock(l) => format!("RLock {}", label(*l)),
            Instr::RUnlock(l) => format!("RUnlock {}", label(*l)),
            Instr::TryRLock(l) => format!("TryRLock {}", label(*l)),
            Instr::OnceEnter(l) => format!("OnceEnter {}", label(*l)),
            Instr::OnceDone(l) => format!("OnceDone {}", label(*l)),
            Instr::CondWait(l) => format!("CondWait {}", label(*l)),
            Instr::CondSignal(l) => format!("CondSignal {}", label(*l)),
            Instr::CondBroadcast(l) => format!("CondBroadcast {}", label(*l)),
            Instr::SyncMap { op, label: l } => format!("SyncMap {op:?} {}", label(*l)),
            Instr::ResultCells(mask) => format!("ResultCells {mask:#b}"),
            Instr::AtomicLoad(l) => format!("AtomicLoad {}", label(*l)),
            Instr::ChanLen(l) => format!("ChanLen {}", label(*l)),
            Instr::AtomicStore(l) => format!("AtomicStore {}", label(*l)),
            Instr::AtomicCas(l) => format!("AtomicCas {}", label(*l)),
            Instr::Print { args, newline } => {
                format!(
                    "Print args={args}{}",
                    if *newline { " newline" } else { "" }
                )
            }
            Instr::Printf { args } => format!("Printf args={args}"),
            Instr::Sprintf { args } => format!("Sprintf args={args}"),
            Instr::Sprint { args, newline } => format!("Sprint args={args} newline={newline}"),
            other => format!("{other:?}"),
        }
    }
}
