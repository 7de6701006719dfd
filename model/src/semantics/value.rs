//! Runtime values of the Go subset, and the ids of the objects they refer to.
//!
//! Invariants:
//! - A `Value` is a plain, hashable value: references to shared objects are ids into the arenas
//!   of [`super::state::State`], never host pointers, so equal states compare and hash equal.
//! - Struct and array values are immutable once built (`Arc`); writing a field makes a copy, which
//!   is Go's value semantics for structs and arrays.

use std::sync::Arc;

use crate::program::{FloatKind, FuncId};

/// Index of a heap object (cell, backing array, map, closure environment) in `State::heap`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ObjId(pub u32);

/// Index of a channel in `State::chans`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ChanId(pub u32);

/// Index of a sync object (mutex, WaitGroup) in `State::syncs`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct SyncId(pub u32);

/// Go's goroutine number: 1 for the entry goroutine, then in creation order.
pub type Gid = u32;

/// A Go value.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Value {
    /// `nil` of any pointer, slice, map, channel, function or interface type.
    Nil,
    /// Every integer kind.
    Int(i64),
    /// `float32` and `float64`.
    Float(Float),
    /// `bool`.
    Bool(bool),
    /// `string`.
    Str(Arc<str>),
    /// A pointer to a heap cell.
    Pointer(ObjId),
    /// A slice: a window of a backing array.
    Slice {
        /// The backing array.
        array: ObjId,
        /// First element of the window.
        offset: u32,
        /// Length.
        len: u32,
        /// Capacity (from `offset` to the end of the backing array).
        cap: u32,
    },
    /// A map.
    Map(ObjId),
    /// A channel.
    Chan(ChanId),
    /// A sync object: `sync.Mutex`, `RWMutex`, `WaitGroup`, `Once`, `Cond` or `Map` (the
    /// handle of its object in `State::syncs`).
    Sync(SyncId),
    /// A function value: a top-level function, or a closure with its captured cells.
    Func {
        /// The code.
        func: FuncId,
        /// The closure environment (an array of pointers), if any.
        env: Option<ObjId>,
    },
    /// A struct value.
    Tuple(Arc<[Value]>),
    /// An array value (`[n]T`).
    Array(Arc<[Value]>),
    /// A pointer to a field or element inside a heap object (`&s.f`, `&a[i]`).
    Inner(Arc<InnerPointer>),
    /// An error made by `errors.New` or `fmt.Errorf`, or a runtime error's panic value: a cell
    /// holding `Tuple[message, wrapped error or nil]`. Errors are equal only to themselves, as
    /// Go's `*errorString` pointers are.
    Error(ObjId),
    /// A non-nil value of interface type other than an `errors.New`/`fmt.Errorf` error: the
    /// dynamic type and the value (runtime/runtime2.go's `eface`/`iface`). Two are equal when
    /// both the types and the values are.
    Boxed(Arc<Boxed>),
}

/// The dynamic type and value of an interface value.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Boxed {
    /// The dynamic type.
    pub ty: crate::program::DynTypeId,
    /// The value.
    pub value: Value,
}

/// Where an interior pointer points: into the value of a cell, or into an element of a backing
/// array, then down `path` (field or array indices of the struct and array values inside).
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct InnerPointer {
    /// The cell or backing array.
    pub obj: ObjId,
    /// The element of a backing array, or `None` for a cell.
    pub element: Option<u32>,
    /// Indices into the struct or array values below the root, outermost first (never empty
    /// for a cell: that is a plain `Pointer`).
    pub path: Vec<u32>,
}

impl Value {
    /// A string value.
    pub fn str(text: &str) -> Value {
        Value::Str(Arc::from(text))
    }

    /// Calls `visit` on every id this value refers to directly (not through the heap).
    pub fn for_each_ref(&self, visit: &mut impl FnMut(Ref)) {
        match self {
            Value::Pointer(obj) | Value::Map(obj) | Value::Error(obj) => visit(Ref::Obj(*obj)),
            Value::Inner(inner) => visit(Ref::Obj(inner.obj)),
            Value::Slice { array, .. } => visit(Ref::Obj(*array)),
            Value::Chan(chan) => visit(Ref::Chan(*chan)),
            Value::Sync(sync) => visit(Ref::Sync(*sync)),
            Value::Func { env: Some(env), .. } => visit(Ref::Obj(*env)),
            Value::Tuple(items) | Value::Array(items) => {
                items.iter().for_each(|item| item.for_each_ref(visit))
            }
            Value::Boxed(boxed) => boxed.value.for_each_ref(visit),
            Value::Nil
            | Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Str(_)
            | Value::Func { env: None, .. } => {}
        }
    }

    /// The same value with every id rewritten by `map`.
    pub fn remapped(&self, map: &impl Fn(Ref) -> Ref) -> Value {
        let obj = |id: ObjId| match map(Ref::Obj(id)) {
            Ref::Obj(new) => new,
            other => unreachable!("internal error: object remapped to {other:?}"),
        };
        match self {
            Value::Pointer(id) => Value::Pointer(obj(*id)),
            Value::Map(id) => Value::Map(obj(*id)),
            Value::Error(id) => Value::Error(obj(*id)),
            Value::Inner(inner) => Value::Inner(Arc::new(InnerPointer {
                obj: obj(inner.obj),
                element: inner.element,
                path: inner.path.clone(),
            })),
            Value::Slice {
                array,
                offset,
                len,
                cap,
            } => Value::Slice {
                array: obj(*array),
                offset: *offset,
                len: *len,
                cap: *cap,
            },
            Value::Chan(id) => match map(Ref::Chan(*id)) {
                Ref::Chan(new) => Value::Chan(new),
                other => unreachable!("internal error: channel remapped to {other:?}"),
            },
            Value::Sync(id) => match map(Ref::Sync(*id)) {
                Ref::Sync(new) => Value::Sync(new),
                other => unreachable!("internal error: sync object remapped to {other:?}"),
            },
            Value::Func {
                func,
                env: Some(env),
            } => Value::Func {
                func: *func,
                env: Some(obj(*env)),
            },
            Value::Tuple(items) => {
                Value::Tuple(items.iter().map(|item| item.remapped(map)).collect())
            }
            Value::Array(items) => {
                Value::Array(items.iter().map(|item| item.remapped(map)).collect())
            }
            Value::Boxed(boxed) => Value::Boxed(Arc::new(Boxed {
                ty: boxed.ty,
                value: boxed.value.remapped(map),
            })),
            Value::Nil
            | Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::Str(_)
            | Value::Func { env: None, .. } => self.clone(),
        }
    }

    /// The value inside an interface value (itself for any other value).
    pub fn unboxed(&self) -> &Value {
        match self {
            Value::Boxed(boxed) => boxed.value.unboxed(),
            other => other,
        }
    }

    /// Whether the value holds any id (so remapping may change it).
    pub fn has_refs(&self) -> bool {
        let mut found = false;
        self.for_each_ref(&mut |_| found = true);
        found
    }
}

/// A floating-point value: its kind (for printing and rounding) and the bits of its `f64`.
/// Held as bits so that a `Value` stays hashable and totally ordered for the state store; Go's
/// `==` on floats (NaN unequal to itself, -0 equal to +0) is `semantics/arith.rs`'s, not this
/// derived equality.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Float {
    /// `float32` or `float64`.
    pub kind: FloatKind,
    bits: u64,
}

impl Float {
    /// `v` as a value of the kind (rounded to it).
    pub fn new(kind: FloatKind, v: f64) -> Float {
        Float {
            kind,
            bits: kind.round(v).to_bits(),
        }
    }

    /// The number.
    pub fn get(self) -> f64 {
        f64::from_bits(self.bits)
    }

    /// The bits of the number with the kind in the lowest one (a float32's `f64` never uses
    /// it: it has 29 trailing zero bits), for hashing.
    pub fn key(self) -> u64 {
        self.bits | (self.kind == FloatKind::F32) as u64
    }
}

/// A reference from a value to an object of one of the state's arenas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    /// A heap object.
    Obj(ObjId),
    /// A channel.
    Chan(ChanId),
    /// A sync object.
    Sync(SyncId),
}
