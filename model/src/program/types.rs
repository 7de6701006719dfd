//! Types, as far as the machine needs them: to build zero values.
//!
//! The front end type-checks the model; the machine itself is dynamically typed and only asks
//! a type for its zero value (`Instr::Zero`, `Instr::MakeSlice`, `Instr::MapIndex`).

/// Index of a type in [`super::Program::types`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct TypeId(pub u32);

/// A type's shape, for zero values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// Every integer kind (zero value 0).
    Int,
    /// `float32` or `float64` (zero value +0).
    Float(FloatKind),
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

/// Go's floating-point kinds. The machine holds both as an `f64`; a `float32` result is rounded
/// to the nearest `f32` after each operation, which gives Go's float32 arithmetic exactly for
/// `+ - * /` (an `f64` has more than twice `f32`'s precision, so rounding twice is harmless).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum FloatKind {
    /// `float32`.
    F32,
    /// `float64`.
    F64,
}

impl FloatKind {
    /// The kind a predeclared type name denotes.
    pub fn from_name(name: &str) -> Option<FloatKind> {
        match name {
            "float32" => Some(FloatKind::F32),
            "float64" => Some(FloatKind::F64),
            _ => None,
        }
    }

    /// The Go name.
    pub fn name(self) -> &'static str {
        match self {
            FloatKind::F32 => "float32",
            FloatKind::F64 => "float64",
        }
    }

    /// `v` rounded to the kind's precision.
    pub fn round(self, v: f64) -> f64 {
        match self {
            FloatKind::F32 => v as f32 as f64,
            FloatKind::F64 => v,
        }
    }
}

/// Go's integer kinds. The machine holds every integer as an `i64`; a result of a sized kind
/// is brought back into its range by [`IntKind::wrap`] (`Instr::Wrap`), which is Go's
/// two's-complement wrap-around on arithmetic and on conversion (Go spec, "Integer overflow"
/// and "Conversions between numeric types").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IntKind {
    /// `int` (64 bits on the platforms gomc models).
    Int,
    /// `int8`.
    Int8,
    /// `int16`.
    Int16,
    /// `int32`, `rune`.
    Int32,
    /// `int64`.
    Int64,
    /// `uint` (64 bits).
    Uint,
    /// `uint8`, `byte`.
    Uint8,
    /// `uint16`.
    Uint16,
    /// `uint32`.
    Uint32,
    /// `uint64`.
    Uint64,
    /// `uintptr` (64 bits).
    Uintptr,
}

impl IntKind {
    /// The kind a predeclared type name denotes (`byte` is `uint8`, `rune` is `int32`).
    pub fn from_name(name: &str) -> Option<IntKind> {
        Some(match name {
            "int" => IntKind::Int,
            "int8" => IntKind::Int8,
            "int16" => IntKind::Int16,
            "int32" | "rune" => IntKind::Int32,
            "int64" => IntKind::Int64,
            "uint" => IntKind::Uint,
            "uint8" | "byte" => IntKind::Uint8,
            "uint16" => IntKind::Uint16,
            "uint32" => IntKind::Uint32,
            "uint64" => IntKind::Uint64,
            "uintptr" => IntKind::Uintptr,
            _ => return None,
        })
    }

    /// The Go name (`uint8`; Go's messages also say `uint8` for `byte`).
    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Uint => "uint",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }

    /// The width in bits.
    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    /// Whether the kind is unsigned.
    pub fn unsigned(self) -> bool {
        matches!(
            self,
            IntKind::Uint | IntKind::Uint8 | IntKind::Uint16 | IntKind::Uint32 | IntKind::Uint64
        ) || self == IntKind::Uintptr
    }

    /// Whether results of this kind need [`IntKind::wrap`] after arithmetic (the 64-bit kinds
    /// wrap already: the machine's arithmetic is two's-complement on 64 bits).
    pub fn needs_wrap(self) -> bool {
        self.bits() < 64
    }

    /// `v` brought into the kind's range. A 64-bit kind keeps the word as it is: an unsigned
    /// 64-bit value at or above 2^63 is held as the `i64` of the same bits, which the
    /// operators that depend on signedness read back as `u64` (`Instr::Unsigned`).
    pub fn wrap(self, v: i64) -> i64 {
        let bits = self.bits();
        if bits == 64 {
            return v;
        }
        let shift = 64 - bits;
        if self.unsigned() {
            ((v as u64) << shift >> shift) as i64
        } else {
            (v << shift) >> shift
        }
    }

    /// Whether the operators whose result depends on signedness must read this kind's words
    /// as `u64` (`Instr::Unsigned`): the narrower unsigned kinds are held non-negative, so
    /// the signed operators are right for them.
    pub fn unsigned_word(self) -> bool {
        self.unsigned() && self.bits() == 64
    }
}

#[cfg(test)]
mod tests {
    use super::IntKind;

    #[test]
    fn wrap_follows_twos_complement() {
        assert_eq!(IntKind::Uint8.wrap(256), 0);
        assert_eq!(IntKind::Uint8.wrap(-1), 255);
        assert_eq!(IntKind::Int8.wrap(128), -128);
        assert_eq!(IntKind::Int16.wrap(40000), 40000 - 65536);
        assert_eq!(IntKind::Uint32.wrap(-1), u32::MAX as i64);
        assert_eq!(IntKind::Int32.wrap(1 << 31), i32::MIN as i64);
        assert_eq!(IntKind::Int64.wrap(-5), -5);
        // uint64's MaxUint64 is the word of all ones.
        assert_eq!(IntKind::Uint64.wrap(-1), -1);
        assert!(IntKind::Uint64.unsigned_word() && !IntKind::Uint32.unsigned_word());
    }
}
