//! Types as fmt's `%#v` prints values of them (Go 1.23's fmt/print.go, `printValue` and
//! `fmtBytes` under the `sharpV` flag): `main.P{X:1, S:"a"}`, `[]int{1, 2}`,
//! `map[string]int{"a":1}`, `[]int(nil)`, `interface {}(nil)`, unsigned integers as `0x7`.
//! The machine's values carry no types, so the front end gives every dynamic type this
//! description (`DynType::syntax`); an interface value met inside carries its own.

/// A type's name as reflect's `Type.String` writes it (`main.P`, `[]uint8`, `interface {}`)
/// and what `%#v` needs of its structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoSyntax {
    /// The name printed before a composite value or a nil (`[]int(nil)`).
    pub name: String,
    /// The structure below the name.
    pub kind: SyntaxKind,
}

/// What `%#v` needs to know of a type besides its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A signed integer, float, string or bool: printed as `%v` prints it, strings quoted.
    Basic,
    /// An unsigned integer, printed in hexadecimal with `0x` (print.go's `fmt0x64`); its
    /// machine word is read as a `u64`.
    Unsigned,
    /// A struct: each field's name (an embedded field's is its type's) and type.
    Struct(Vec<(String, GoSyntax)>),
    /// A pointer to the type described.
    Pointer(Box<GoSyntax>),
    /// A slice of elements of the type described.
    Slice(Box<GoSyntax>),
    /// An array of elements of the type described.
    Array(Box<GoSyntax>),
    /// A map: its keys' type and its values'.
    Map(Box<GoSyntax>, Box<GoSyntax>),
    /// An interface type: a nil prints as `error(nil)`, a value as its dynamic type says.
    Interface,
    /// A channel or function type (printed as `(chan int)(nil)`), a sync value, or a type
    /// nested deeper than the front end describes: printed as `%v` prints it, a nil as
    /// `(name)(nil)`.
    Other,
    /// The text a `GoString` method returned, printed as it is (print.go's handleMethods
    /// under sharpV).
    Verbatim,
}

impl GoSyntax {
    /// A type of which nothing is known (a value that went in unboxed).
    pub fn unknown() -> GoSyntax {
        GoSyntax {
            name: String::new(),
            kind: SyntaxKind::Other,
        }
    }
}
