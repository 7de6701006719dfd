//! `go vet`'s copylocks check, as warnings in the report: where the model copies a value that
//! holds a sync value. The copy is what Go does (`semantics/copy.rs` gives the copy objects of
//! its own), but it is almost always the bug, so the report says so in vet's words and at vet's
//! position (golang.org/x/tools go/analysis/passes/copylock).

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::types::{NamedType, Ty};
use crate::program::Warning;

impl<'t> Lowerer<'t> {
    /// How vet names the lock inside a type: `sync.Mutex`, `sync.WaitGroup contains
    /// sync.noCopy`, `main.counter contains sync.Mutex`; `None` when the type holds none.
    fn lock_path(&self, ty: &Ty) -> Option<String> {
        let sync = |name: &str, inner: Option<&str>| {
            Some(match inner {
                Some(inner) => format!("sync.{name} contains {inner}"),
                None => format!("sync.{name}"),
            })
        };
        match ty {
            Ty::Mutex => sync("Mutex", None),
            Ty::RWMutex => sync("RWMutex", None),
            Ty::WaitGroup => sync("WaitGroup", Some("sync.noCopy")),
            Ty::Cond => sync("Cond", Some("sync.noCopy")),
            Ty::Once => sync("Once", Some("sync.Mutex")),
            Ty::SyncMap => sync("Map", Some("sync.Mutex")),
            Ty::Array(_, element) => self.lock_path(element),
            Ty::Named(index) => {
                let named = &self.types.named[*index as usize];
                let underlying = named.underlying.as_ref()?;
                if self.pointer_only_locker(named) {
                    // vet names such a type alone: `main.Registry`, not `... contains
                    // sync.Mutex` (copylock.go's lockPath).
                    return Some(format!("main.{}", named.name));
                }
                let inner = self.lock_path(underlying)?;
                Some(format!("main.{} contains {inner}", named.name))
            }
            Ty::Struct(index) => self.types.structs[*index as usize]
                .fields
                .iter()
                .find_map(|field| self.lock_path(&field.ty)),
            _ => None,
        }
    }

    /// Whether `*T` is a `sync.Locker` but `T` is not: vet's test for a type that is itself a
    /// lock. T embeds a `sync.Mutex` or `sync.RWMutex` (whose `Lock` and `Unlock` are
    /// promoted to `*T` only), or declares both with pointer receivers.
    fn pointer_only_locker(&self, named: &NamedType) -> bool {
        let declared = |name: &str| named.methods.iter().find(|m| m.name == name);
        match (declared("Lock"), declared("Unlock")) {
            (Some(lock), Some(unlock)) => return lock.pointer || unlock.pointer,
            (None, None) => {}
            _ => return false,
        }
        let Some(Ty::Struct(index)) = &named.underlying else {
            return false;
        };
        self.types.structs[*index as usize]
            .fields
            .iter()
            .any(|field| field.embedded && matches!(field.ty, Ty::Mutex | Ty::RWMutex))
    }

    fn warn(&mut self, node: Node, message: String) {
        let span = self.src.span(node);
        self.warnings.push(Warning { span, message });
    }

    /// Warns about `node`, an expression whose value (of type `ty`, holding a sync value) is
    /// copied, in the words vet uses for where it stands: an assignment, a variable declaration,
    /// a call's argument, a `return`, a composite literal. Other copies (a send, a value
    /// receiver) vet does not report, and neither does this.
    pub fn warn_copy(&mut self, node: Node<'t>, ty: &Ty) {
        let Some(lock) = self.lock_path(ty) else {
            return;
        };
        let mut child = node;
        while let Some(parent) = child.parent() {
            if parent.kind() != "parenthesized_expression" {
                break;
            }
            child = parent;
        }
        let Some(parent) = child.parent() else {
            return;
        };
        let text = |node: Node| self.src.text_of(node).to_string();
        let message = match parent.kind() {
            "expression_list" => {
                let Some(statement) = parent.parent() else {
                    return;
                };
                let position = super::syntax::named_children(parent)
                    .iter()
                    .position(|item| item.id() == child.id())
                    .unwrap_or(0);
                match statement.kind() {
                    "assignment_statement" | "short_var_declaration" => {
                        let target = statement
                            .child_by_field_name("left")
                            .map(super::syntax::named_children)
                            .and_then(|targets| targets.get(position).copied());
                        match target {
                            Some(target) => {
                                format!("assignment copies lock value to {}: {lock}", text(target))
                            }
                            None => return,
                        }
                    }
                    "return_statement" => format!("return copies lock value: {lock}"),
                    "var_spec" => {
                        let names: Vec<Node> = statement
                            .children_by_field_name("name", &mut statement.walk())
                            .collect();
                        match names.get(position) {
                            Some(name) => format!(
                                "variable declaration copies lock value to {}: {lock}",
                                text(*name)
                            ),
                            None => return,
                        }
                    }
                    _ => return,
                }
            }
            "argument_list" => {
                let Some(callee) = parent
                    .parent()
                    .and_then(|call| call.child_by_field_name("function"))
                else {
                    return;
                };
                // vet's checkCopyLocksCallExpr skips the builtins that only look at their
                // operand's type or length: `len(s.locks)` of a `[4]sync.Mutex` copies nothing.
                let callee = super::syntax::unparen(callee);
                if callee.kind() == "identifier"
                    && matches!(self.src.text_of(callee), "len" | "cap" | "new")
                    && matches!(
                        self.lookup(self.src.text_of(callee)),
                        super::resolve::Name::Builtin
                    )
                {
                    return;
                }
                format!("call of {} copies lock value: {lock}", text(callee))
            }
            "literal_element" | "keyed_element" => {
                format!("literal copies lock value from {}: {lock}", text(child))
            }
            _ => return,
        };
        self.warn(child, message);
    }

    /// Warns about a range variable `name` that copies an element of type `ty`.
    pub fn warn_range_copy(&mut self, name: Node<'t>, ty: &Ty) {
        if let Some(lock) = self.lock_path(ty) {
            let message = format!("range var {} copies lock: {lock}", self.src.text_of(name));
            self.warn(name, message);
        }
    }

    /// Warns about the parameters and receiver of `function` (named ones: the type stands
    /// beside the name) whose type holds a sync value: every call copies it.
    pub fn warn_parameter_copies(&mut self, function: &str, params: &[(Option<Node<'t>>, Ty)]) {
        // vet names the function as declared: `worker`, not `main.worker`.
        let function = function.rsplit('.').next().unwrap_or(function);
        for (name, ty) in params {
            let declared_type = name
                .and_then(|name| name.parent())
                .and_then(|declaration| declaration.child_by_field_name("type"));
            if let (Some(type_node), Some(lock)) = (declared_type, self.lock_path(ty)) {
                self.warn(
                    type_node,
                    format!("{function} passes lock by value: {lock}"),
                );
            }
        }
    }
}
