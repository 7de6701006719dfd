//! Types, as far as the machine needs them: to build zero values.
//!
//! The front end type-checks the model; the machine itself is dynamically typed and only asks
//! a type for its zero value (`Instr::Zero`, `Instr::MakeSlice`, `Instr::MapIndex`).

/// Index of a type in [`super::Program::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

/// A type's shape, for zero values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// Every integer kind (zero value 0).
    Int,
    /// `bool` (false).
    Bool,
    /// `string` ("").
    String,
    /// Pointers, slices, maps, channels, functions, interfaces, `error` (nil).
    Nil,
    /// A struct: its zero value holds each field's zero value.
    Struct(u32),
    /// `[n]T`: an array of `n` zero values of the element type.
    Array(u32, TypeId),
    /// `sync.Mutex` (a fresh unlocked mutex).
    Mutex,
    /// `sync.WaitGroup` (a fresh WaitGroup with counter 0).
    WaitGroup,
    /// `sync.RWMutex` (a fresh unlocked RWMutex).
    RWMutex,
    /// `sync.Once` (not done).
    Once,
    /// `sync.Cond` (with a nil `L`).
    Cond,
    /// `sync.Map` (empty).
    SyncMap,
}

/// A struct type's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructDef {
    /// The type name as written (`buildexe`), or `struct{...}` for a literal type.
    pub name: String,
    /// Field names in declaration order (an embedded field is named after its type).
    pub fields: Vec<String>,
    /// Field types, for the zero value.
    pub field_types: Vec<TypeId>,
}
