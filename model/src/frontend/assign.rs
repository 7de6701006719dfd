//! Assignability (Go spec, "Assignability" and "Representability"): whether a value may go into
//! a place of a given type, with `go build`'s (Go 1.19's) messages.
//!
//! The check is deliberately lenient where the front end's static types are approximate: two
//! integer kinds, or two types of the same shape, are let through (a model that `go build`
//! accepts must never be refused). It rejects what is certainly wrong: a constant of the wrong
//! kind or out of range, `nil` for a type without a nil value, a value of a different shape (a
//! string where an int is expected, a struct where a pointer is), and a concrete type that
//! does not implement the interface it is assigned to (`dynamic.rs`).

use tree_sitter::Node;

use super::constant::ConstValue;
use super::lowerer::Lowerer;
use super::syntax::Result;
use super::types::{ChanDir, Ty, FLOAT64, INT};

impl<'t> Lowerer<'t> {
    /// Checks that the value of `node`, of type `from`, may be assigned to a place of type `to`.
    pub fn check_assignable(
        &mut self,
        from: &Ty,
        to: &Ty,
        node: Node<'t>,
        context: &str,
    ) -> Result<()> {
        if from == to || self.types.is_interface(to) {
            return Ok(());
        }
        let target = self.types.underlying(to);
        if target == Ty::Locker {
            // sync.Locker holds a pointer to a Mutex or RWMutex (`*sync.Mutex` implements it).
            if let Ty::Pointer(inner) = self.types.underlying(from) {
                if matches!(self.types.underlying(&inner), Ty::Mutex | Ty::RWMutex) {
                    return Ok(());
                }
            }
            if matches!(self.types.underlying(from), Ty::Mutex | Ty::RWMutex) {
                // A mutex value, not a pointer: its Lock is a pointer method.
                let name = self.types.describe(from);
                return Err(self.src.error(
                    node,
                    format!(
                        "cannot use {} ({}) as type sync.Locker in {context}:\n\t{name} does \
                         not implement sync.Locker (Lock method has pointer receiver)",
                        self.src.text_of(node),
                        self.operand_description(node, from)
                    ),
                ));
            }
            if !matches!(from, Ty::UntypedNil) && self.types.underlying(from) != Ty::Locker {
                return Err(self.src.unsupported(
                    node,
                    "a sync.Locker holding a type other than *sync.Mutex or *sync.RWMutex (use \
                     the mutex itself, or an interface of your own with Lock and Unlock)",
                ));
            }
        }
        if *from == Ty::UntypedNil {
            let has_nil = matches!(
                target,
                Ty::Pointer(_) | Ty::Slice(_) | Ty::Map(..) | Ty::Chan(..) | Ty::Func(_)
            ) || matches!(target, Ty::Interface(_) | Ty::Locker);
            if has_nil {
                return Ok(());
            }
            return Err(self.src.error(
                node,
                format!(
                    "cannot use nil as {} value in {context}",
                    self.types.describe(to)
                ),
            ));
        }
        // An untyped constant must be representable in the target type.
        let untyped = matches!(*from, Ty::String | Ty::Bool) || *from == INT || *from == FLOAT64;
        if untyped {
            if let Some((value, _)) = self.const_value(node)? {
                let fits = match (&value, &target) {
                    (ConstValue::Int(v), Ty::Int(kind)) => {
                        if !super::constant::fits(*kind, v) {
                            return Err(self.src.error(
                                node,
                                format!(
                                    "cannot use {} (untyped int constant{}) as {} value in \
                                     {context} (overflows)",
                                    self.src.text_of(node),
                                    if self.src.text_of(node) == v.to_string() {
                                        String::new()
                                    } else {
                                        format!(" {v}")
                                    },
                                    self.types.describe(to)
                                ),
                            ));
                        }
                        true
                    }
                    (ConstValue::Int(_) | ConstValue::Float(_), Ty::Float(_)) => true,
                    (ConstValue::Float(v), Ty::Int(kind)) => {
                        if value
                            .integral()
                            .is_some_and(|v| super::constant::fits(*kind, &v))
                        {
                            true
                        } else {
                            return Err(self.src.error(
                                node,
                                format!(
                                    "cannot use {} (untyped float constant) as {} value in \
                                     {context} ({})",
                                    self.src.text_of(node),
                                    self.types.describe(to),
                                    if v.fract() == 0.0 {
                                        "overflows"
                                    } else {
                                        "truncated"
                                    }
                                ),
                            ));
                        }
                    }
                    (ConstValue::Int(_), _) => false,
                    (ConstValue::Str(_), Ty::String) | (ConstValue::Bool(_), Ty::Bool) => true,
                    _ => false,
                };
                if fits {
                    return Ok(());
                }
                let kind = match value {
                    ConstValue::Int(_) if node.kind() == "rune_literal" => "rune",
                    ConstValue::Int(_) => "int",
                    ConstValue::Float(_) => "float",
                    ConstValue::Str(_) => "string",
                    ConstValue::Bool(_) => "bool",
                };
                return Err(self.src.error(
                    node,
                    format!(
                        "cannot use {} (untyped {kind} constant) as {} value in {context}",
                        self.src.text_of(node),
                        self.types.describe(to)
                    ),
                ));
            }
        }
        if self.same_shape(&self.types.underlying(from), &target) {
            return Ok(());
        }
        Err(self.src.error(
            node,
            format!(
                "cannot use {} ({}) as type {} in {context}{}",
                self.src.text_of(node),
                self.operand_description(node, from),
                self.types.describe(to),
                // Every type implements `any`: types2 adds the hint to assert.
                if *from == Ty::Interface(0) {
                    ":\n\tneed type assertion"
                } else {
                    ""
                }
            ),
        ))
    }

    /// Whether two underlying types are of the same shape (kind of type), which is as far as
    /// the lenient check compares.
    fn same_shape(&self, a: &Ty, b: &Ty) -> bool {
        use std::mem::discriminant;
        match (a, b) {
            (Ty::Named(_), _) | (_, Ty::Named(_)) => true,
            (Ty::Struct(x), Ty::Struct(y)) => {
                // Two struct types: Go requires identical types; a defined struct and a
                // literal one of the same fields are assignable.
                let (x, y) = (
                    &self.types.structs[*x as usize],
                    &self.types.structs[*y as usize],
                );
                x.fields.len() == y.fields.len()
            }
            // `[]int` is not a `[]any`: the elements must agree on being interfaces too.
            (Ty::Slice(x), Ty::Slice(y)) => {
                x == y
                    || (self.types.is_interface(x) == self.types.is_interface(y)
                        && self.same_shape(&self.types.underlying(x), &self.types.underlying(y)))
            }
            // Unlike two integer kinds, two float kinds hold different values.
            (Ty::Float(x), Ty::Float(y)) => x == y,
            // A channel may lose a direction, never gain one or change it (`<-chan int` is not
            // a `chan<- int`, nor a `chan int`).
            (Ty::Chan(from, _), Ty::Chan(to, _)) => from == to || *from == ChanDir::Both,
            _ => discriminant(a) == discriminant(b),
        }
    }
}
