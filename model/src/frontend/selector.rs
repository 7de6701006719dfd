//! Selectors: a field or method of a value's type looked up through embedded fields (Go spec,
//! "Selectors"), and go build's error when there is none.

use std::rc::Rc;

use tree_sitter::Node;

use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{MethodInfo, Sig, Ty};

/// One step from a value to one of its (possibly promoted) fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// Dereference the pointer on the stack.
    Load,
    /// Select a field of the struct on the stack.
    Field(u32),
    /// `c.L` of the `sync.Cond` handle on the stack.
    CondLocker,
}

/// What `x.name` selects.
#[derive(Clone, Debug)]
pub(super) enum Selection {
    /// A field, reached from the value of `x` by `steps`.
    Field { steps: Vec<Step>, ty: Ty },
    /// A method of the value reached by `steps`, whose type is `at` (`T` or `*T`).
    Method {
        steps: Vec<Step>,
        method: MethodInfo,
        at: Ty,
    },
    /// A method of `sync.Mutex`/`sync.WaitGroup` on the value reached by `steps` (of type
    /// `at`: the sync type or a pointer to it).
    Sync { steps: Vec<Step>, at: Ty },
    /// A method of an embedded interface field: the interface value reached by `steps`
    /// dispatches it.
    Promoted { steps: Vec<Step>, sig: Rc<Sig> },
}

const MUTEX_METHODS: &[&str] = &["Lock", "Unlock", "TryLock"];
const WAITGROUP_METHODS: &[&str] = &["Add", "Done", "Wait", "Go"];
const RWMUTEX_METHODS: &[&str] = &[
    "Lock", "Unlock", "TryLock", "RLock", "RUnlock", "TryRLock", "RLocker",
];
const ONCE_METHODS: &[&str] = &["Do"];
const COND_METHODS: &[&str] = &["Wait", "Signal", "Broadcast"];
const LOCKER_METHODS: &[&str] = &["Lock", "Unlock"];
const MAP_METHODS: &[&str] = &[
    "Load",
    "Store",
    "LoadOrStore",
    "LoadAndDelete",
    "Delete",
    "Swap",
    "CompareAndSwap",
    "CompareAndDelete",
    "Range",
    "Clear",
];
const ATOMIC_BOOL_METHODS: &[&str] = &["Load", "Store", "Swap", "CompareAndSwap"];
const ATOMIC_INT_METHODS: &[&str] = &["Load", "Store", "Swap", "CompareAndSwap", "Add"];

impl<'t> Lowerer<'t> {
    /// The "has no field or method" error, at the selector's name as go build places it
    /// (types2's `missingFieldOrMethod` reports at `e.Sel`: `mu.Frob()` at the `F`).
    pub fn no_field(&self, node: Node<'t>, ty: &Ty, name: &str) -> super::ModelError {
        if let Some(error) = self.unsupported_library_method(node, ty, name) {
            return error;
        }
        // go build points at the selected name (`mu.Locked` at `Locked`).
        let at = match node.kind() {
            "selector_expression" => node.child_by_field_name("field").unwrap_or(node),
            _ => node,
        };
        // types2 (call.go) adds the name with its first letter's case changed when that one
        // exists: "t.foo undefined (type T has no field or method foo, but does have Foo)".
        let mut changed: String = name.chars().take(1).flat_map(swap_case).collect();
        changed.push_str(&name[name.chars().next().map_or(0, char::len_utf8)..]);
        let has_changed = changed != name
            && (matches!(self.lookup_selector(ty, &changed, node), Ok(Some(_)))
                || self
                    .types
                    .as_interface(ty)
                    .is_some_and(|iface| iface.methods.iter().any(|(n, _)| *n == changed)));
        let but = if has_changed {
            format!(", but does have {changed}")
        } else {
            String::new()
        };
        self.src.error(
            at,
            format!(
                "{} undefined (type {} has no field or method {name}{but})",
                self.src.text_of(node),
                self.types.describe(ty)
            ),
        )
    }

    /// Looks `name` up as a field or method of a value of type `ty`, through embedded fields
    /// (shallowest depth wins; two at the same depth are ambiguous).
    pub fn lookup_selector(&self, ty: &Ty, name: &str, node: Node) -> Result<Option<Selection>> {
        let mut frontier: Vec<(Ty, Vec<Step>)> = vec![(ty.clone(), Vec::new())];
        for _ in 0..16 {
            let mut found = Vec::new();
            let mut next = Vec::new();
            for (current, steps) in &frontier {
                let (base, is_pointer) = match current {
                    Ty::Pointer(inner) => ((**inner).clone(), true),
                    other => (other.clone(), false),
                };
                if let Ty::Named(index) = base {
                    if let Some(method) = self.types.named[index as usize]
                        .methods
                        .iter()
                        .find(|m| m.name == name)
                    {
                        found.push(Selection::Method {
                            steps: steps.clone(),
                            method: method.clone(),
                            at: current.clone(),
                        });
                    }
                }
                let sync_methods = match base {
                    Ty::Mutex => MUTEX_METHODS,
                    Ty::WaitGroup => WAITGROUP_METHODS,
                    Ty::RWMutex => RWMUTEX_METHODS,
                    Ty::Once => ONCE_METHODS,
                    Ty::Cond => COND_METHODS,
                    Ty::Locker => LOCKER_METHODS,
                    Ty::SyncMap => MAP_METHODS,
                    Ty::Atomic(super::types::AtomicKind::Bool) => ATOMIC_BOOL_METHODS,
                    Ty::Atomic(_) => ATOMIC_INT_METHODS,
                    _ => &[],
                };
                if !steps.is_empty() {
                    // An embedded interface field promotes its methods.
                    if let Some(iface) = self.types.as_interface(&base) {
                        if let Some((_, sig)) = iface.methods.iter().find(|(n, _)| n == name) {
                            found.push(Selection::Promoted {
                                steps: steps.clone(),
                                sig: sig.clone(),
                            });
                        }
                    }
                }
                if base == Ty::Cond && name == "L" {
                    let mut path = steps.clone();
                    if is_pointer {
                        path.push(Step::Load);
                    }
                    path.push(Step::CondLocker);
                    found.push(Selection::Field {
                        steps: path,
                        ty: Ty::Locker,
                    });
                }
                if sync_methods.contains(&name) {
                    found.push(Selection::Sync {
                        steps: steps.clone(),
                        at: current.clone(),
                    });
                }
                if let Ty::Struct(index) = self.types.underlying(&base) {
                    for (i, field) in self.types.structs[index as usize].fields.iter().enumerate() {
                        let mut path = steps.clone();
                        if is_pointer {
                            path.push(Step::Load);
                        }
                        path.push(Step::Field(i as u32));
                        if field.name == name {
                            found.push(Selection::Field {
                                steps: path.clone(),
                                ty: field.ty.clone(),
                            });
                        }
                        if field.embedded {
                            next.push((field.ty.clone(), path));
                        }
                    }
                }
            }
            match found.len() {
                0 => {}
                1 => return Ok(found.pop()),
                _ => {
                    return Err(self.src.error(
                        node,
                        format!("ambiguous selector {}", self.src.text_of(node)),
                    ))
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        Ok(None)
    }
}

/// A letter in the other case (types2 changes only the first letter of a selector).
fn swap_case(c: char) -> Vec<char> {
    if c.is_uppercase() {
        c.to_lowercase().collect()
    } else {
        c.to_uppercase().collect()
    }
}
