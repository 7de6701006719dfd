//! The operators and library primitives that instructions carry as operands: Go's unary and
//! binary operators, `sync.Map`'s operations and package math's primitives. Each names what it
//! computes; `semantics/` implements them.

/// A `sync.Map` operation, with its stack effect (m is the map's handle).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncMapOp {
    /// stack: m, k → v, ok
    Load,
    /// stack: m, k, v →
    Store,
    /// stack: m, k, v → actual, loaded
    LoadOrStore,
    /// stack: m, k → v, loaded
    LoadAndDelete,
    /// stack: m, k →
    Delete,
    /// stack: m, k, v → previous, loaded
    Swap,
    /// stack: m, k, old, new → swapped
    CompareAndSwap,
    /// stack: m, k, old → deleted
    CompareAndDelete,
    /// stack: m → keys, values: two slices, the entries at this instant in key order (the start
    /// of `Range`, whose visits in every order and calls of f the front end emits as a loop
    /// over the keys).
    Range,
    /// stack: m →
    Clear,
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
}

/// A binary operator. `&&` and `||` are lowered to jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+` (integers wrap; strings concatenate)
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`, truncating toward zero
    Div,
    /// `%`, sign of the dividend
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `<<` (a negative count panics "negative shift amount")
    Shl,
    /// `>>` (arithmetic)
    Shr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl BinOp {
    /// Whether the operator compares (its result is a `bool`, not an operand's type).
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

/// The primitives of package math that `stdlib/math.go` calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathFn {
    /// `sqrt(x)`.
    Sqrt,
    /// `floor(x)`.
    Floor,
    /// `ceil(x)`.
    Ceil,
    /// `trunc(x)`.
    Trunc,
    /// `mod(x, y)`: C's fmod.
    Mod,
    /// `exp(x)`.
    Exp,
    /// `log(x)`: the natural logarithm.
    Log,
    /// `pow(x, y)`.
    Pow,
}

impl MathFn {
    /// The primitive `stdlib/math.go` calls by this name.
    pub fn primitive(name: &str) -> Option<MathFn> {
        Some(match name {
            "sqrt" => MathFn::Sqrt,
            "floor" => MathFn::Floor,
            "ceil" => MathFn::Ceil,
            "trunc" => MathFn::Trunc,
            "mod" => MathFn::Mod,
            "exp" => MathFn::Exp,
            "log" => MathFn::Log,
            "pow" => MathFn::Pow,
            _ => return None,
        })
    }

    /// How many operands it takes.
    pub fn arity(self) -> usize {
        match self {
            MathFn::Mod | MathFn::Pow => 2,
            _ => 1,
        }
    }
}
