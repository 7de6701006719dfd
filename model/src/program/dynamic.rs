//! Dynamic types: what a value of interface type carries besides its value (Go spec, "Interface
//! types" and "Type assertions"; runtime/iface.go's `itab`, whose `fun` array is the method table).
//!
//! The front end gives an id to every concrete type that is converted to an interface type, with
//! its name as Go prints it, its method set and whether it is comparable. The machine boxes the
//! value with that id (`Instr::Box`), dispatches `x.M()` by name through the table
//! (`Instr::CallMethod`) and answers type assertions and switches by id (`Instr::TypeAssert`,
//! `Instr::TypeIs`).

use super::{FuncId, TypeId};

/// Index of a dynamic type in [`super::Program::dyn_types`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct DynTypeId(pub u32);

/// A concrete type that some value of interface type holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DynType {
    /// The name as Go's panics and `%T` print it (`main.T`, `*main.T`, `int`, `[]string`).
    pub name: String,
    /// The method set, sorted by name.
    pub methods: Vec<DynMethod>,
    /// Whether `==` on two values of this type is defined (else Go panics "comparing
    /// uncomparable type").
    pub comparable: bool,
    /// The field names `%+v` prints in a value of this type.
    pub fields: FieldNames,
    /// The names and structure `%#v` prints (`main.P{X:1}`, `[]int(nil)`).
    pub syntax: super::GoSyntax,
}

/// Where a value of a type holds structs, with their field names, as `%+v` prints them
/// (fmt/print.go, `printValue` under `plusV`: `{Name:ann Age:30}`, also inside pointers,
/// slices, arrays and maps). Nested interface values carry their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldNames {
    /// No struct inside (or one printed through its `String`/`Error` method).
    None,
    /// A struct: each field's name and what is inside it.
    Struct(Vec<(String, FieldNames)>),
    /// A pointer to what is described.
    Pointer(Box<FieldNames>),
    /// A slice or array of elements described.
    Elements(Box<FieldNames>),
    /// A map: its keys and its values.
    Map(Box<FieldNames>, Box<FieldNames>),
    /// An unsigned 64-bit integer (`uint`, `uint64`, `uintptr`), whose machine word prints
    /// as a `u64` (18446744073709551615, not -1).
    Unsigned,
}

/// One method of a dynamic type's method set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DynMethod {
    /// The method name.
    pub name: String,
    /// Its signature as Go writes it without the name (`func() error`): an interface's method
    /// of the same name and another signature is not this one.
    pub sig: String,
    /// The function implementing it (its first parameter is the receiver); `None` for a
    /// method promoted from an embedded interface field, dispatched again on the interface
    /// value `path` reaches.
    pub func: Option<FuncId>,
    /// How to get from the boxed value to the receiver the function takes (empty for a method
    /// declared on the type itself with the matching receiver kind).
    pub path: Vec<ReceiverStep>,
}

/// One step from a boxed value to a method's receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiverStep {
    /// `*p` (a value method called through a pointer; nil panics).
    Deref,
    /// Field `i` of a struct value (a method promoted from an embedded field).
    Field(u32),
    /// `&p.f`: the address of field `i` of the struct `p` points to (a pointer method promoted
    /// from an embedded field of a struct reached through a pointer).
    FieldAddr(u32),
}

/// An interface type, for assertions to it (`x.(io.Reader)`) and its name in messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceDef {
    /// The name as Go prints it (`interface {}`, `error`, `main.Shape`).
    pub name: String,
    /// The method names, sorted.
    pub methods: Vec<String>,
    /// Their signatures (`func() error`), in the same order.
    pub signatures: Vec<String>,
}

/// Index of an interface type in [`super::Program::interfaces`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InterfaceId(pub u32);

/// What a type assertion or a type switch case asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssertTarget {
    /// A concrete type; `zero` is its zero value's type (the comma-ok result on failure).
    Concrete {
        /// The dynamic type.
        ty: DynTypeId,
        /// For the zero value.
        zero: TypeId,
    },
    /// An interface type: the dynamic type must have all its methods.
    Interface(InterfaceId),
    /// `case nil` of a type switch.
    Nil,
}

/// The dynamic type of the errors `errors.New` and `fmt.Errorf` make, which the machine holds
/// as `Value::Error` rather than boxed: always id 0, with the methods `Error` (and `Unwrap`).
pub const ERROR_STRING: DynTypeId = DynTypeId(0);
