//! The front end's static types: enough of Go's type system to pick field indices, zero values,
//! methods and sync operations. The machine itself only sees [`crate::program::Type`].

use std::rc::Rc;

pub(super) use crate::program::{FloatKind, IntKind};

/// A Go type of the subset.
///
/// Equality is Go's type identity, not the derived one: the empty interface written out
/// ([`EMPTY_WRITTEN`]) is `any` ([`ANY`]); only messages tell them apart, as go build's do.
#[derive(Clone, Debug, Eq)]
pub(super) enum Ty {
    /// An integer kind (`byte` is `uint8`, `rune` is `int32`).
    Int(IntKind),
    /// `float32` or `float64` (the type of untyped floating-point constants once they need
    /// one is `float64`, [`FLOAT64`]).
    Float(FloatKind),
    /// `bool`.
    Bool,
    /// `string`.
    String,
    /// The type of the untyped `nil`.
    UntypedNil,
    /// A defined type (`type T ...`): index into [`TypeTable::named`].
    Named(u32),
    /// A struct type: index into [`TypeTable::structs`].
    Struct(u32),
    /// `*T`.
    Pointer(Rc<Ty>),
    /// `[]T`.
    Slice(Rc<Ty>),
    /// `[n]T`.
    Array(u32, Rc<Ty>),
    /// `map[K]V`.
    Map(Rc<Ty>, Rc<Ty>),
    /// `chan T`, `chan<- T`, `<-chan T` (the direction only matters to the type check).
    Chan(ChanDir, Rc<Ty>),
    /// A function type.
    Func(Rc<Sig>),
    /// An interface type: index into [`TypeTable::interfaces`] (0 is `any`, 1 is `error`).
    Interface(u32),
    /// `sync.Mutex`.
    Mutex,
    /// `sync.WaitGroup`.
    WaitGroup,
    /// `sync.RWMutex`.
    RWMutex,
    /// `sync.Once`.
    Once,
    /// `sync.Cond`.
    Cond,
    /// `sync.Map`.
    SyncMap,
    /// `sync.Locker`: holds a pointer to a Mutex or RWMutex.
    Locker,
    /// One of sync/atomic's types: a plain value whose methods work on its address.
    Atomic(AtomicKind),
}

impl PartialEq for Ty {
    fn eq(&self, other: &Ty) -> bool {
        match (self, other) {
            (Ty::Int(a), Ty::Int(b)) => a == b,
            (Ty::Float(a), Ty::Float(b)) => a == b,
            (Ty::Named(a), Ty::Named(b)) | (Ty::Struct(a), Ty::Struct(b)) => a == b,
            (Ty::Pointer(a), Ty::Pointer(b)) | (Ty::Slice(a), Ty::Slice(b)) => a == b,
            (Ty::Array(n, a), Ty::Array(m, b)) => n == m && a == b,
            (Ty::Map(k, v), Ty::Map(l, w)) => k == l && v == w,
            (Ty::Chan(d, a), Ty::Chan(e, b)) => d == e && a == b,
            (Ty::Func(a), Ty::Func(b)) => a == b,
            (Ty::Interface(a), Ty::Interface(b)) => identity_index(*a) == identity_index(*b),
            (Ty::Atomic(a), Ty::Atomic(b)) => a == b,
            (Ty::Bool, Ty::Bool)
            | (Ty::String, Ty::String)
            | (Ty::UntypedNil, Ty::UntypedNil)
            | (Ty::Mutex, Ty::Mutex)
            | (Ty::WaitGroup, Ty::WaitGroup)
            | (Ty::RWMutex, Ty::RWMutex)
            | (Ty::Once, Ty::Once)
            | (Ty::Cond, Ty::Cond)
            | (Ty::SyncMap, Ty::SyncMap)
            | (Ty::Locker, Ty::Locker) => true,
            _ => false,
        }
    }
}

/// The interface table index that stands for an interface's identity: the empty interface
/// written out is `any`.
pub(super) fn identity_index(index: u32) -> u32 {
    if index == EMPTY_WRITTEN_INDEX {
        0
    } else {
        index
    }
}

impl Ty {
    /// A text that two identical types share and two different ones do not, for tables keyed
    /// by types (instantiations, dynamic types): the derived `Debug` with the empty interface
    /// written out spelled as `any`.
    pub fn identity_key(types: &[Ty]) -> String {
        format!("{types:?}").replace(&format!("Interface({EMPTY_WRITTEN_INDEX})"), "Interface(0)")
    }
}

/// A channel type's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ChanDir {
    /// `chan T`.
    Both,
    /// `chan<- T`.
    Send,
    /// `<-chan T`.
    Recv,
}

/// `int`, the type of untyped integer constants once they need one.
pub(super) const INT: Ty = Ty::Int(IntKind::Int);

/// `float64`, the type of untyped floating-point constants once they need one.
pub(super) const FLOAT64: Ty = Ty::Float(FloatKind::F64);

/// sync/atomic's types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AtomicKind {
    /// `atomic.Bool`.
    Bool,
    /// `atomic.Int32`.
    Int32,
    /// `atomic.Int64`.
    Int64,
    /// `atomic.Uint32`.
    Uint32,
    /// `atomic.Uint64`.
    Uint64,
}

impl AtomicKind {
    /// The Go name (`atomic.Int32`).
    pub fn name(self) -> &'static str {
        match self {
            AtomicKind::Bool => "atomic.Bool",
            AtomicKind::Int32 => "atomic.Int32",
            AtomicKind::Int64 => "atomic.Int64",
            AtomicKind::Uint32 => "atomic.Uint32",
            AtomicKind::Uint64 => "atomic.Uint64",
        }
    }
}

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sig {
    /// Parameter types; the last one is a slice when `variadic`.
    pub params: Vec<Ty>,
    /// Result types.
    pub results: Vec<Ty>,
    /// Whether the last parameter is `...T`.
    pub variadic: bool,
}

/// A struct type's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct StructType {
    /// The defined type's name, or `struct{...}`.
    pub name: String,
    /// Fields in declaration order.
    pub fields: Vec<FieldInfo>,
}

/// One struct field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FieldInfo {
    /// The field name (an embedded field is named after its type).
    pub name: String,
    /// The field type.
    pub ty: Ty,
    /// Whether the field is embedded.
    pub embedded: bool,
}

/// A defined type (`type T struct{...}`, `type state int`).
#[derive(Clone, Debug)]
pub(super) struct NamedType {
    /// The name as declared.
    pub name: String,
    /// Its underlying type (never itself `Named`); `None` while being resolved.
    pub underlying: Option<Ty>,
    /// Its methods.
    pub methods: Vec<MethodInfo>,
    /// The library package declaring it (`None`: the model's `package main`).
    pub package: Option<super::package::Std>,
}

/// A method declared on a defined type.
#[derive(Clone, Debug)]
pub(super) struct MethodInfo {
    /// The method name.
    pub name: String,
    /// Index of the declaring function in the package's function list.
    pub func: usize,
    /// Whether the receiver is a pointer (`func (t *T) M()`).
    pub pointer: bool,
}

/// An interface type's method set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct InterfaceType {
    /// The methods with their signatures, sorted by name (embedded interfaces' included).
    pub methods: Vec<(String, Rc<Sig>)>,
}

/// `interface {}` (and `any`).
pub(super) const ANY: Ty = Ty::Interface(0);
/// `error`: `interface { Error() string }`.
pub(super) const ERROR: Ty = Ty::Interface(1);
/// The table index of the empty interface written out as `interface{}`.
const EMPTY_WRITTEN_INDEX: u32 = 2;
/// `interface{}` written out: identical to [`ANY`], but go build's messages keep the spelling
/// (types2 prints `any` only for the universe's `any`, typestring.go).
pub(super) const EMPTY_WRITTEN: Ty = Ty::Interface(EMPTY_WRITTEN_INDEX);

/// The types of the model.
#[derive(Debug)]
pub(super) struct TypeTable {
    /// Defined types, in declaration order.
    pub named: Vec<NamedType>,
    /// Struct types: those of defined types and the literal ones, deduplicated.
    pub structs: Vec<StructType>,
    /// Interface types, deduplicated: `any`, `error` and `interface{}` written out first.
    pub interfaces: Vec<InterfaceType>,
}

impl Default for TypeTable {
    fn default() -> Self {
        let error = Sig {
            params: Vec::new(),
            results: vec![Ty::String],
            variadic: false,
        };
        TypeTable {
            named: Vec::new(),
            structs: Vec::new(),
            interfaces: vec![
                InterfaceType {
                    methods: Vec::new(),
                },
                InterfaceType {
                    methods: vec![("Error".to_string(), Rc::new(error))],
                },
                // `interface{}` written out (`EMPTY_WRITTEN`): never found by `interface`,
                // which interns an empty method set as index 0.
                InterfaceType {
                    methods: Vec::new(),
                },
            ],
        }
    }
}

impl TypeTable {
    /// Interns an interface type with these methods.
    pub fn interface(&mut self, mut methods: Vec<(String, Rc<Sig>)>) -> Ty {
        methods.sort_by(|a, b| a.0.cmp(&b.0));
        methods.dedup_by(|a, b| a.0 == b.0);
        let shape = InterfaceType { methods };
        if let Some(index) = self.interfaces.iter().position(|i| *i == shape) {
            return Ty::Interface(index as u32);
        }
        self.interfaces.push(shape);
        Ty::Interface(self.interfaces.len() as u32 - 1)
    }

    /// The interface a type is, if it is one.
    pub fn as_interface(&self, ty: &Ty) -> Option<&InterfaceType> {
        match self.underlying(ty) {
            Ty::Interface(index) => Some(&self.interfaces[index as usize]),
            _ => None,
        }
    }

    /// Whether a type is an interface type.
    pub fn is_interface(&self, ty: &Ty) -> bool {
        matches!(self.underlying(ty), Ty::Interface(_))
    }

    /// The underlying type (the type itself unless it is a defined type).
    pub fn underlying(&self, ty: &Ty) -> Ty {
        match ty {
            Ty::Named(index) => self.named[*index as usize]
                .underlying
                .clone()
                .unwrap_or(ANY),
            other => other.clone(),
        }
    }

    /// Whether a value of this type holds a sync value (a `sync.Mutex`, `RWMutex`, `WaitGroup`,
    /// `Once`, `Cond` or `Map`) itself, in a field or in an array element: copying such a
    /// value copies the sync objects (see `semantics/copy.rs`).
    pub fn holds_sync(&self, ty: &Ty) -> bool {
        self.holds_sync_within(ty, 0)
    }

    fn holds_sync_within(&self, ty: &Ty, depth: u32) -> bool {
        // A type cannot contain itself by value; the depth bound only guards against a type
        // still being resolved.
        if depth > 64 {
            return false;
        }
        match self.underlying(ty) {
            Ty::Mutex | Ty::RWMutex | Ty::WaitGroup | Ty::Once | Ty::Cond | Ty::SyncMap => true,
            Ty::Array(_, element) => self.holds_sync_within(&element, depth + 1),
            Ty::Struct(index) => self.structs[index as usize]
                .fields
                .iter()
                .any(|field| self.holds_sync_within(&field.ty, depth + 1)),
            _ => false,
        }
    }

    /// Interns a struct literal type (`struct{...}`).
    pub fn struct_literal(&mut self, fields: Vec<FieldInfo>) -> Ty {
        let name = if fields.is_empty() {
            "struct{}".to_string()
        } else {
            "struct{...}".to_string()
        };
        if let Some(index) = self
            .structs
            .iter()
            .position(|s| s.name == name && s.fields == fields)
        {
            return Ty::Struct(index as u32);
        }
        self.structs.push(StructType { name, fields });
        Ty::Struct(self.structs.len() as u32 - 1)
    }

    /// A signature as Go writes it after `func` or a method name: `(int, ...string) (int,
    /// error)`, `() error`.
    fn spell_sig(&self, sig: &Sig, runtime: bool) -> String {
        let last = sig.params.len().saturating_sub(1);
        let params: Vec<String> = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, param)| match param {
                Ty::Slice(element) if sig.variadic && i == last => {
                    format!("...{}", self.spell(element, runtime))
                }
                other => self.spell(other, runtime),
            })
            .collect();
        let results: Vec<String> = sig.results.iter().map(|r| self.spell(r, runtime)).collect();
        let results = match results.as_slice() {
            [] => String::new(),
            [single] => format!(" {single}"),
            several => format!(" ({})", several.join(", ")),
        };
        format!("({}){results}", params.join(", "))
    }

    /// A type as `go build` (Go 1.18 and later) writes it in its messages: the empty
    /// interface is `any` where the source says `any`, `interface{}` where it is written out.
    pub fn describe(&self, ty: &Ty) -> String {
        self.spell(ty, false)
    }

    /// A type as Go's runtime and reflect write it (panics, `%T`): the empty interface is
    /// `interface {}`.
    pub fn runtime_name(&self, ty: &Ty) -> String {
        self.spell(ty, true)
    }

    fn spell(&self, ty: &Ty, runtime: bool) -> String {
        match ty {
            Ty::Int(kind) => kind.name().into(),
            Ty::Float(kind) => kind.name().into(),
            Ty::Bool => "bool".into(),
            Ty::String => "string".into(),
            Ty::UntypedNil => "untyped nil".into(),
            Ty::Named(index) => {
                let named = &self.named[*index as usize];
                match named.package {
                    Some(package) => format!("{}.{}", package.go_name(), named.name),
                    None => named.name.clone(),
                }
            }
            Ty::Struct(index) => self.structs[*index as usize].name.clone(),
            Ty::Pointer(inner) => format!("*{}", self.spell(inner, runtime)),
            Ty::Slice(inner) => format!("[]{}", self.spell(inner, runtime)),
            Ty::Array(n, inner) => format!("[{n}]{}", self.spell(inner, runtime)),
            Ty::Map(key, value) => format!(
                "map[{}]{}",
                self.spell(key, runtime),
                self.spell(value, runtime)
            ),
            Ty::Chan(dir, inner) => {
                let keyword = match dir {
                    ChanDir::Both => "chan",
                    ChanDir::Send => "chan<-",
                    ChanDir::Recv => "<-chan",
                };
                format!("{keyword} {}", self.spell(inner, runtime))
            }
            Ty::Func(sig) => format!("func{}", self.spell_sig(sig, runtime)),
            Ty::Interface(0 | EMPTY_WRITTEN_INDEX) if runtime => "interface {}".into(),
            Ty::Interface(0) => "any".into(),
            Ty::Interface(EMPTY_WRITTEN_INDEX) => "interface{}".into(),
            Ty::Interface(1) => "error".into(),
            // reflect writes `interface { M(); N(int) error }`, go build (types2)
            // `interface{M(); N(int) error}`; the methods are sorted by name in both.
            Ty::Interface(index) => {
                let methods: Vec<String> = self.interfaces[*index as usize]
                    .methods
                    .iter()
                    .map(|(name, sig)| format!("{name}{}", self.spell_sig(sig, runtime)))
                    .collect();
                if runtime {
                    format!("interface {{ {} }}", methods.join("; "))
                } else {
                    format!("interface{{{}}}", methods.join("; "))
                }
            }
            Ty::Mutex => "sync.Mutex".into(),
            Ty::WaitGroup => "sync.WaitGroup".into(),
            Ty::RWMutex => "sync.RWMutex".into(),
            Ty::Once => "sync.Once".into(),
            Ty::Cond => "sync.Cond".into(),
            Ty::SyncMap => "sync.Map".into(),
            Ty::Locker => "sync.Locker".into(),
            Ty::Atomic(kind) => kind.name().into(),
        }
    }
}
