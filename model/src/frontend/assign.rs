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
                        self.go_text(node),
                        self.operand_description(node, from)
                    ),
                ));
            }
            if !matches!(from, Ty::UntypedNil) && self.types.underlying(from) != Ty::Locker {
                if let Some(reason) = self.locker_missing(from, node)? {
                    return Err(self.src.error(
                        node,
                        format!(
                            "cannot use {} ({}) as type sync.Locker in {context}:\n\t{} does \
                             not implement sync.Locker ({reason})",
                            self.go_text(node),
                            self.operand_description(node, from),
                            self.types.describe(from)
                        ),
                    ));
                }
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
        // Two distinct defined types are never assignable to each other (Go spec,
        // "Assignability": identical underlying types suffice only when one of them is not a
        // named type), whatever their shapes.
        let distinct_named = matches!((from, to), (Ty::Named(a), Ty::Named(b)) if a != b)
            || self.typed_basic_to_defined(from, to, node);
        if !distinct_named && self.same_shape(&self.types.underlying(from), &target) {
            return Ok(());
        }
        Err(self.src.error(
            node,
            format!(
                "cannot use {} ({}) as type {} in {context}{}",
                self.go_text(node),
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

    /// A typed value of a predeclared type (`string`, `int`, `float64`, `bool`) assigned to a defined
    /// type over it (`type key string`): not assignable, since both are named types (Go spec,
    /// "Assignability"). Only operands that are surely typed count (variables, fields,
    /// elements, calls): constant expressions and comparisons are untyped in Go, which the
    /// front end's types do not tell apart.
    fn typed_basic_to_defined(&mut self, from: &Ty, to: &Ty, node: Node<'t>) -> bool {
        let node = super::syntax::unparen(node);
        let surely_typed = matches!(
            node.kind(),
            "identifier" | "selector_expression" | "index_expression" | "call_expression"
        ) && self.const_value(node).ok().flatten().is_none();
        surely_typed
            && matches!(to, Ty::Named(_))
            && !self.types.is_interface(to)
            && matches!(from, Ty::Int(_) | Ty::Float(_) | Ty::String | Ty::Bool)
    }

    /// Why `ty` does not implement sync.Locker, in types2's words ("missing Unlock method",
    /// "Lock method has pointer receiver"); `None` when it has both methods.
    fn locker_missing(&mut self, ty: &Ty, node: Node<'t>) -> Result<Option<String>> {
        use super::typing::Selection;
        for name in ["Lock", "Unlock"] {
            match self.lookup_selector(ty, name, node)? {
                Some(Selection::Method { method, at, .. })
                    if method.pointer && !matches!(at, Ty::Pointer(_)) =>
                {
                    return Ok(Some(format!("{name} method has pointer receiver")));
                }
                Some(_) => {}
                None => return Ok(Some(format!("missing {name} method"))),
            }
        }
        Ok(None)
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
            // `[]int` is not a `[]any`, nor a `[]string`: the elements must agree.
            (Ty::Slice(x), Ty::Slice(y)) | (Ty::Pointer(x), Ty::Pointer(y)) => {
                self.elements_agree(x, y)
            }
            (Ty::Array(n, x), Ty::Array(m, y)) => n == m && self.elements_agree(x, y),
            (Ty::Map(k, v), Ty::Map(l, w)) => {
                self.elements_agree(k, l) && self.elements_agree(v, w)
            }
            // Unlike two integer kinds, two float kinds hold different values.
            (Ty::Float(x), Ty::Float(y)) => x == y,
            // A channel may lose a direction, never gain one or change it (`<-chan int` is not
            // a `chan<- int`, nor a `chan int`), and its element type must agree.
            (Ty::Chan(from, x), Ty::Chan(to, y)) => {
                (from == to || *from == ChanDir::Both) && self.elements_agree(x, y)
            }
            // Function types must agree on their parameters and results (Go: identical
            // signatures): `func() int` is not a `func()`.
            (Ty::Func(x), Ty::Func(y)) => {
                let agree = |xs: &[Ty], ys: &[Ty]| {
                    xs.len() == ys.len()
                        && xs.iter().zip(ys).all(|(x, y)| self.elements_agree(x, y))
                };
                x.variadic == y.variadic
                    && agree(&x.params, &y.params)
                    && agree(&x.results, &y.results)
            }
            _ => discriminant(a) == discriminant(b),
        }
    }

    /// Whether two element types (of slices, arrays, maps, channels, pointers, signatures)
    /// agree: Go requires them identical; the lenient check requires identical defined types,
    /// the same interface-ness and the same shape.
    fn elements_agree(&self, x: &Ty, y: &Ty) -> bool {
        if x == y {
            return true;
        }
        if matches!((x, y), (Ty::Named(a), Ty::Named(b)) if a != b)
            || matches!((x, y), (Ty::Int(a), Ty::Int(b)) if a != b)
        {
            return false;
        }
        self.types.is_interface(x) == self.types.is_interface(y)
            && self.same_shape(&self.types.underlying(x), &self.types.underlying(y))
    }
}
